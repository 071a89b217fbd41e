import { expect } from '@playwright/test';
import { createApiClient } from '@/lib/api/client/create-client';
import { allScopes } from '@/lib/api-keys/scopes';
import { platformUrl } from '../../support/console';

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
