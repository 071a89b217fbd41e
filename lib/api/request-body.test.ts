import { describe, expect, it } from 'vitest';
import { readJsonBody } from './request-body';

/** A request whose client sends the start of a body and then goes away, as Node reports it to a route handler. */
function abandonedRequest(failure: Error): Request {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"url": "https://hooks.'));
      } else controller.error(failure);
    },
  });
  return new Request('http://localhost/api/v1/webhook_endpoints', { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
}

describe('readJsonBody', () => {
  it('reports a client that went away mid-body as 499 client_closed_request, not as our failure', async () => {
    await expect(readJsonBody(abandonedRequest(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))).rejects.toMatchObject({ code: 'client_closed_request', status: 499 });
  });

  it('lets other stream failures through as they are', async () => {
    await expect(readJsonBody(abandonedRequest(new Error('disk on fire')))).rejects.toThrow('disk on fire');
  });

  it('reads a whole body', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(await readJsonBody(request)).toEqual({ value: { a: 1 }, text: '{"a":1}' });
  });
});
