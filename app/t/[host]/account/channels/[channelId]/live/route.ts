import { requirePortalSession } from '@/lib/auth/portal-session';
import { connectStream } from '@/lib/channels/connect-stream';
import { portalChannel } from '@/lib/portal/portal-services';

export const dynamic = 'force-dynamic';

// GET /account/channels/{id}/live – the client's own channel's connection as server-sent events.
export async function GET(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  const { ctx } = await requirePortalSession();
  const { channelId } = await params;
  const channel = await portalChannel(ctx, channelId).catch(() => null);
  if (!channel) return new Response('Not found', { status: 404 });
  return connectStream(ctx.partnerId, channel.id, request.signal, { startAgain: new URL(request.url).searchParams.get('start') === 'again' });
}
