import http from 'node:http';
import { e2ePort } from '../../support/server-env';

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; json?: Record<string, unknown> };

/**
 * A request exactly as written, for what fetch refuses to send (TRACE, undefined methods, a path with broken
 * percent-encoding kept as it is, headers of any size), to the test server under any Host.
 */
export function rawRequest(method: string, path: string, options: { host?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: e2ePort, method, path, headers: { host: options.host ?? `localhost:${e2ePort}`, ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
