import { currentTenant } from '@/lib/auth/session';
import { openConnectLink } from '@/lib/channels/connect-links';
import { channelQrPng, qrPngResponse } from '@/lib/channels/connect';
import { AppError } from '@/lib/errors/app-error';

export const dynamic = 'force-dynamic';

// GET /connect/{token}/qr.png – the linked channel's current QR code as an image, for the hosted page without
// scripts (and to save). A forged, expired or foreign link is a plain 404, as the page is.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const opened = tenant ? await openConnectLink(tenant.partnerId, token) : null;
  if (!opened) return new Response('Not found', { status: 404 });
  try {
    return qrPngResponse(await channelQrPng(opened.partnerId, opened.channel.id));
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    throw error;
  }
}
