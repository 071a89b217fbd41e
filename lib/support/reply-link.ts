import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/crypto/derived-key';

/** How long a reply link in a notification works. */
export const replyLinkLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export type ReplyLink = { ticketId: string; email: string; expiresAt: Date };

const sign = (payload: string) => createHmac('sha256', derivedKey('support-reply-link')).update(payload).digest('base64url');

/**
 * A link token that lets the requester a notification went to read a ticket's public thread and answer it
 * without signing in: the ticket, the address and an expiry, signed with a key of its own (HMAC-SHA256). Nothing
 * is stored, so the token cannot be listed or leaked from the database; changing any part breaks the signature.
 */
export function signReplyLink(link: ReplyLink): string {
  const payload = Buffer.from(JSON.stringify([link.ticketId, link.email, link.expiresAt.getTime()])).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The link a token names, or null when it is malformed, tampered with or expired. */
export function verifyReplyLink(token: string, now = new Date()): ReplyLink | null {
  if (token.length > 1000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [ticketId, email, expires] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof ticketId !== 'string' || typeof email !== 'string' || typeof expires !== 'number') return null;
    if (expires <= now.getTime()) return null;
    return { ticketId, email, expiresAt: new Date(expires) };
  } catch {
    return null;
  }
}
