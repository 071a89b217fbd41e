import { requireConsoleSession } from '@/lib/auth/session';
import { getChannel } from '@/lib/channels/manage-channels';
import { connectStream } from '@/lib/channels/connect-stream';

// GET /channels/{id}/live – the channel's connection as server-sent events (the session is checked here).
export async function GET(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  const { dataCtx } = await requireConsoleSession();
  const { channelId } = await params;
  const channel = await getChannel(dataCtx, channelId).catch(() => null);
  if (!channel) return new Response('Not found', { status: 404 });
  return connectStream(dataCtx.partnerId, channel.id, request.signal, { startAgain: new URL(request.url).searchParams.get('start') === 'again' });
}
