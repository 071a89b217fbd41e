import { getDb } from '@/db';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';
import { channelOf } from './channel-rows';
import { channelView, type ChannelView } from './channel-view';
import { channelQr, type ChannelQr } from './connect';
import { onChannelChange } from './live-updates';

export type ConnectState = { channel: ChannelView; qr: Omit<ChannelQr, 'svg' | 'value'> | null; error: string | null };

const heartbeatMs = 15_000;

/** The channel as it stands, with the current QR while a login is (or may be) under way. */
async function stateOf(partnerId: string, channelId: string, startLogin: boolean): Promise<ConnectState> {
  const channel = await channelOf(getDb(), partnerId, channelId);
  const wantsQr = channel.status === 'active' && (startLogin || channel.connection === 'waiting_for_scan' || channel.connection === 'initialising');
  if (!wantsQr) return { channel: channelView(channel), qr: null, error: null };
  try {
    const { channel: view, qr } = await channelQr(partnerId, channelId);
    return { channel: view, qr: qr ? { index: qr.index, expires_at: qr.expires_at, image_png: qr.image_png } : null, error: null };
  } catch (error) {
    if (error instanceof AppError) return { channel: channelView(channel), qr: null, error: error.message };
    throw error;
  }
}

/**
 * Server-sent events for a page showing a channel's connection: the state at once (starting a login), again
 * whenever the channel changes anywhere (PostgreSQL LISTEN/NOTIFY, no polling), and a new QR exactly when the
 * current one expires. A login starts for a channel not yet linked; a failed or logged-out one is not restarted
 * by itself: the page offers to start again (a new stream with `startAgain`).
 */
export function connectStream(partnerId: string, channelId: string, signal: AbortSignal, options: { startAgain?: boolean } = {}): Response {
  const encoder = new TextEncoder();
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  let sending = Promise.resolve();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        clearInterval(heartbeat);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal.addEventListener('abort', close);
      const send = (startLogin: boolean) => {
        sending = sending.then(async () => {
          if (closed) return;
          try {
            const state = await stateOf(partnerId, channelId, startLogin);
            if (closed) return;
            controller.enqueue(encoder.encode(`event: state\ndata: ${JSON.stringify(state)}\n\n`));
            clearTimeout(timer);
            if (state.qr) timer = setTimeout(() => send(false), Math.max(0, new Date(state.qr.expires_at).getTime() - Date.now()) + 50);
            if (state.channel.status === 'deleted') close();
          } catch (error) {
            logger.warn('channel stream update failed', { channel_id: channelId, error: error instanceof Error ? error.message : String(error) });
            close();
          }
        });
      };
      unsubscribe = await onChannelChange((change) => {
        if (change.channelId === channelId) send(false);
      });
      heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(': keep-alive\n\n'));
      }, heartbeatMs);
      send(options.startAgain ?? false);
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      unsubscribe?.();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' } });
}
