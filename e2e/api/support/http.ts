import { request as httpRequest } from 'node:http';
import { expect } from '@playwright/test';
import { createApiClient } from '@/lib/api/client/create-client';
import { allScopes } from '@/lib/api-keys/scopes';
import { platformUrl } from '../../support/console';
import { e2ePort } from '../../support/server-env';

export const apiUrl = (path: string) => platformUrl(`/api/v1${path}`);

/** The typed client, for requests the API should accept. */
export const apiClient = (apiKey: string, headers?: Record<string, string>) => createApiClient({ baseUrl: platformUrl(), apiKey, headers });

/** A raw request, for the ones a typed client would not let us send. */
export async function call(method: string, path: string, options: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(apiUrl(path), { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> & { errors?: { pointer: string; message: string }[] } };
}

type Answer = Awaited<ReturnType<typeof call>>;

/** What every error must look like: problem+json with a stable code, a request id, a catalogue link, no internals. */
export function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.json).toMatchObject({ status, code, request_id: expect.stringMatching(/^req_/), type: expect.stringMatching(new RegExp(`/docs/api/errors#${code}$`)) });
  expectNoInternals(answer.text);
  return answer.json;
}

/** Stack frames, source paths and SQL never reach a client. */
export function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.tsx?:\d+|\.js:\d+:\d+|Failed query|select .* from/i);
}

/** Every scope there is, as few boxes as possible: a write scope includes its read scope. */
export const everyScope = allScopes.filter((scope) => scope.endsWith(':write') || !allScopes.includes(scope.replace(/:read$/, ':write') as never));

type Sent = { status: number; headers: Headers; text: string; json: Record<string, unknown> & { data?: unknown } };

/**
 * Any request to the test server with the Host header of our choosing: a partner's subdomain, a custom domain, or
 * an unknown host (fetch would not let us set Host, and this process cannot resolve made-up names).
 */
export function sendTo(host: string, method: string, path: string, options: { key?: string; body?: unknown; form?: Record<string, string>; rawBody?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Sent> {
  const headers: Record<string, string> = { host: `${host}:${e2ePort}`, ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: e2ePort, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Sent['json'] = {};
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          // Not JSON: the caller looks at the text.
        }
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, text, json });
      });
    });
    // The server may answer before reading a body it refuses (too large): the answer is what matters.
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** An IVR Solutions request on the platform host unless another is named. */
export const ivr = (method: string, endpoint: string, options: Parameters<typeof sendTo>[3] & { host?: string } = {}) => sendTo(options.host ?? 'localhost', method, `/partnerclients/${endpoint}`, options);
