import type { Queryable } from '@/db';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';

/** How long an invitation link works. */
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Queues the invitation e-mail in the caller's transaction: sent only if the invitation itself is saved. */
export async function queueInviteEmail(q: Queryable, partnerId: string, user: { email: string; name: string }, inviteToken: string) {
  const url = await partnerHomeUrl(q, partnerId, `/invite/${inviteToken}`);
  await queueTemplatedEmail(q, {
    partnerId,
    to: user.email,
    type: 'team_invitation',
    template: 'team_invite',
    values: { 'recipient.name': user.name, 'link.url': url, 'link.expires_in_days': String(Math.round(inviteLifetimeMs / 86_400_000)) },
  });
}
