import { createElement } from 'react';
import type { Queryable } from '@/db';
import { queueEmail } from '@/lib/messages/queue-message';
import { InviteEmail } from '@/lib/messages/templates/invite-email';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';

/** How long an invitation link works. */
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Queues the invitation e-mail in the caller's transaction: sent only if the invitation itself is saved. */
export async function queueInviteEmail(q: Queryable, partnerId: string, user: { email: string; name: string }, inviteToken: string) {
  const brand = await emailBrandFor(q, partnerId);
  const url = await partnerHomeUrl(q, partnerId, `/invite/${inviteToken}`);
  await queueEmail(q, {
    partnerId,
    to: user.email,
    subject: `You are invited to ${brand.productName}`,
    template: 'team_invite',
    element: createElement(InviteEmail, { brand, name: user.name, url, days: Math.round(inviteLifetimeMs / 86_400_000) }),
  });
}
