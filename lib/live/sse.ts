/**
 * A server-sent event stream (text/event-stream) for live pages and partner systems. The browser's EventSource
 * reconnects by itself (after `retry` ms), so a page needs no polling loop: each (re)connection gets a fresh
 * snapshot, then deltas. A comment line every 15 s keeps proxies from closing an idle stream.
 */

export type SseSend = (event: string, data: unknown, id?: string) => void;

export type SseSource = {
  /**
   * Starts the stream: subscribe first, then send the snapshot, so no change falls between them. Returns what
   * to do when the stream ends (the client went away or the server is stopping).
   */
  start: (send: SseSend) => Promise<() => void>;
  /** The request's signal: aborted when the client disconnects. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  retryMs?: number;
};

const encoder = new TextEncoder();

function frame(event: string, data: unknown, id?: string): string {
  const lines = JSON.stringify(data).split('\n'); // JSON has no raw newlines, but never trust that for framing
  return `${id ? `id: ${id}\n` : ''}event: ${event}\n${lines.map((line) => `data: ${line}`).join('\n')}\n\n`;
}

export function sseResponse({ start, signal, heartbeatMs = 15_000, retryMs = 1_000 }: SseSource, headers: Record<string, string> = {}): Response {
  let stop: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const finish = () => {
        if (closed) return;
        closed = true;
        if (heartbeat) clearInterval(heartbeat);
        stop?.();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      signal?.addEventListener('abort', finish, { once: true });
      write(`retry: ${retryMs}\n\n`);
      try {
        stop = await start((event, data, id) => write(frame(event, data, id)));
      } catch (error) {
        write(frame('error', { message: 'The live stream could not start; reconnecting.' }));
        finish();
        if (!(error instanceof Error)) throw error;
        return;
      }
      if (closed) stop?.();
      heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
    },
    cancel() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      stop?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', connection: 'keep-alive', ...headers },
  });
}
