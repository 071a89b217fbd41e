import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { partnerBranding, sendingDomains } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { unseal } from '@/lib/crypto/secret-box';
import { livePartnerOf } from '@/lib/partners/live-partner';

export type Sender = { from: string; replyTo?: string; dkim?: { domainName: string; keySelector: string; privateKey: string } };

const displayName = (name: string) => `"${name.replace(/["\\\r\n]/g, '')}"`;

/**
 * Who a partner's e-mail is from. With a verified sending domain: the partner's own address on it, signed with
 * its DKIM key. Until then: the platform's address with the partner's product name as display name and the
 * partner's support address as Reply-To, so answers reach the partner and never the platform.
 */
export async function senderFor(q: Queryable, partnerId: string | null): Promise<Sender> {
  const { EMAIL_FROM, PLATFORM_NAME } = getConfig();
  if (!partnerId) return { from: `${displayName(PLATFORM_NAME)} <${EMAIL_FROM}>` };
  const owner = await livePartnerOf(q, partnerId);
  const [[brand], [domain]] = await Promise.all([
    q.select({ productName: partnerBranding.productName, supportEmail: partnerBranding.supportEmail }).from(partnerBranding).where(eq(partnerBranding.partnerId, owner)),
    q.select().from(sendingDomains).where(eq(sendingDomains.partnerId, owner)),
  ]);
  const name = displayName(brand?.productName ?? 'Notifications');
  const replyTo = brand?.supportEmail ?? undefined;
  if (domain?.verifiedAt) {
    return { from: `${name} <${domain.fromLocalPart}@${domain.domain}>`, replyTo, dkim: { domainName: domain.domain, keySelector: domain.dkimSelector, privateKey: unseal(domain.sealedDkimPrivateKey) } };
  }
  return { from: `${name} <${EMAIL_FROM}>`, replyTo };
}
