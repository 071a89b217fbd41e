import { currentTenant } from '@/lib/auth/session';
import { openConnectLink } from '@/lib/channels/connect-links';
import { connectStream } from '@/lib/channels/connect-stream';

// GET /connect/{token}/live – the linked channel's connection as server-sent events, for the hosted page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const opened = tenant ? await openConnectLink(tenant.partnerId, token) : null;
  if (!opened) return new Response('Not found', { status: 404 });
  return connectStream(opened.partnerId, opened.channel.id, request.signal, { startAgain: new URL(request.url).searchParams.get('start') === 'again' });
}
