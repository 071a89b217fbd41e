import { wallboardStream } from '@/lib/agents/wallboard';
import { requireConsoleSession } from '@/lib/auth/session';
import { sseResponse } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

// GET /agents/wallboard/stream – the console wallboard's server-sent events (the session is checked again here)
export async function GET(request: Request) {
  const { dataCtx } = await requireConsoleSession();
  const clientId = new URL(request.url).searchParams.get('client') || undefined;
  return sseResponse({ start: await wallboardStream(dataCtx, { clientId }), signal: request.signal });
}
