import type { TicketAttachment } from '@/db/schema';

/**
 * A stored file as a download. Its type is the one its content was checked to be; the sandbox CSP and
 * `attachment` disposition keep even a crafted PDF from running anything on the host that serves it.
 */
export function attachmentResponse(file: TicketAttachment): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes),
      'Content-Disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
