import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { promises as dns } from 'node:dns';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { sendingDomains, type SendingDomain } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { getConfig } from '@/lib/config';
import { seal } from '@/lib/crypto/secret-box';
import type { TxtResolver } from '@/lib/domains/verify-domain';
import { addDomainSchema } from '@/lib/domains/schemas';
import { conflict, invalid, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { actAsLivePartner } from '@/lib/partners/live-partner';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { checkRecords, expectedRecords, type DnsRecord } from './records';

export const setSendingDomainSchema = z.object({ domain: addDomainSchema.shape.hostname });

export type SendingDomainView = {
  object: 'sending_domain';
  id: string;
  domain: string;
  from_address: string;
  status: 'pending' | 'verified';
  records: Omit<DnsRecord, 'found'>[];
  verified_at: string | null;
  last_checked_at: string | null;
};

function view(row: SendingDomain): SendingDomainView {
  const records = expectedRecords(row.domain, row.dkimSelector, row.dkimPublicKey).map((r) => ({ ...r, status: row.recordStatus[r.kind] ?? 'pending' }));
  return {
    object: 'sending_domain',
    id: row.id,
    domain: row.domain,
    from_address: `${row.fromLocalPart}@${row.domain}`,
    status: row.verifiedAt ? 'verified' : 'pending',
    records,
    verified_at: row.verifiedAt?.toISOString() ?? null,
    last_checked_at: row.lastCheckedAt?.toISOString() ?? null,
  };
}

/** The sending domain is the live partner's, like its brand: a sandbox's mail goes the same way, and reads it. */
const liveOnly = 'Your sending domain is shared with live mode, where your mail depends on it: change it with a live key or in the console.';

export async function getSendingDomain(callerCtx: PartnerCtx): Promise<SendingDomainView | null> {
  const ctx = await actAsLivePartner(callerCtx, 'member'); // the live partner's, like its brand
  const [row] = await getDb().select().from(sendingDomains).where(eq(sendingDomains.partnerId, ctx.partnerId));
  return row ? view(row) : null;
}

/**
 * Sets the domain the partner sends from, replacing any earlier one, with a new 2048-bit RSA DKIM key pair: the
 * public half goes in the DNS record shown to the partner, the private half is sealed and never leaves the server.
 */
export async function setSendingDomain(callerCtx: PartnerCtx, input: Untrusted<z.input<typeof setSendingDomainSchema>>): Promise<SendingDomainView> {
  const ctx = await actAsLivePartner(callerCtx, 'admin', { refuseSandbox: liveOnly });
  const { domain } = parseInput(setSendingDomainSchema, input);
  const platform = getConfig().PLATFORM_DOMAIN.toLowerCase();
  if (domain === platform || domain.endsWith(`.${platform}`)) throw invalid('domain', 'Use a domain of your own, not the platform’s.');
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const values = { domain, dkimSelector: `mail${randomBytes(3).toString('hex')}`, dkimPublicKey: publicDer, sealedDkimPrivateKey: seal(privatePem), recordStatus: {}, verifiedAt: null, lastCheckedAt: null };
  return getDb().transaction(async (tx) => {
    const [old] = await tx.select().from(sendingDomains).where(eq(sendingDomains.partnerId, ctx.partnerId)).for('update');
    if (old?.domain === domain) throw conflict('This is already your sending domain. Check its records instead.', 'domain');
    const [row] = await tx
      .insert(sendingDomains)
      .values({ partnerId: ctx.partnerId, ...values })
      .onConflictDoUpdate({ target: sendingDomains.partnerId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'sending_domain.set', targetType: 'sending_domain', targetId: row!.id, before: old ? { domain: old.domain } : null, after: { domain, dkim_selector: row!.dkimSelector } });
    return view(row!);
  });
}

export async function removeSendingDomain(callerCtx: PartnerCtx): Promise<void> {
  const ctx = await actAsLivePartner(callerCtx, 'admin', { refuseSandbox: liveOnly });
  await getDb().transaction(async (tx) => {
    const [old] = await tx.delete(sendingDomains).where(eq(sendingDomains.partnerId, ctx.partnerId)).returning();
    if (!old) throw notFound('Sending domain');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'sending_domain.removed', targetType: 'sending_domain', targetId: old.id, before: { domain: old.domain } });
  });
}

/**
 * Looks every record up (with the same injectable TXT resolver as custom domains) and stores each one's status.
 * The domain is verified — mail goes from it, DKIM-signed with its key — while SPF and DKIM are both found; should
 * one disappear, the next check stops that until it is back.
 */
export async function verifySendingDomain(callerCtx: PartnerCtx, resolveTxt: TxtResolver = dns.resolveTxt): Promise<SendingDomainView & { found: Record<string, string[]> }> {
  const ctx = await actAsLivePartner(callerCtx, 'admin'); // the live partner's, like its brand
  const [current] = await getDb().select().from(sendingDomains).where(eq(sendingDomains.partnerId, ctx.partnerId));
  if (!current) throw notFound('Sending domain');
  const checked = await checkDomain(ctx, current, resolveTxt, new Date());
  if (!checked) throw notFound('Sending domain');
  return checked;
}

/**
 * Looks a domain's records up and stores what was found, announcing a change of status (audit, event; a domain
 * that lost its verification also e-mails the partner's owners and admins). Null when the domain was replaced
 * or removed while DNS was being asked.
 */
export async function checkDomain(ctx: PartnerCtx, current: SendingDomain, resolveTxt: TxtResolver, now: Date): Promise<(SendingDomainView & { found: Record<string, string[]> }) | null> {
  const checked = await checkRecords(expectedRecords(current.domain, current.dkimSelector, current.dkimPublicKey), resolveTxt);
  const recordStatus = Object.fromEntries(checked.map((r) => [r.kind, r.status]));
  const verified = checked.filter((r) => r.required).every((r) => r.status === 'verified');
  return getDb().transaction(async (tx) => {
    const [locked] = await tx.select().from(sendingDomains).where(and(eq(sendingDomains.id, current.id), eq(sendingDomains.dkimSelector, current.dkimSelector))).for('update');
    if (!locked) return null;
    const [row] = await tx
      .update(sendingDomains)
      .set({ recordStatus, lastCheckedAt: now, verifiedAt: verified ? (locked.verifiedAt ?? now) : null })
      .where(eq(sendingDomains.id, current.id))
      .returning();
    if (Boolean(locked.verifiedAt) !== verified) {
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: verified ? 'sending_domain.verified' : 'sending_domain.unverified', targetType: 'sending_domain', targetId: current.id, after: { domain: current.domain, records: recordStatus } });
      await emitEvent(tx, ctx.partnerId, 'sending_domain.status_changed', { domain: current.domain, status: verified ? 'verified' : 'pending', records: recordStatus });
      if (!verified) await notifyUnverified(tx, ctx.partnerId, current.domain, checked);
    }
    return { ...view(row!), found: Object.fromEntries(checked.map((r) => [r.kind, r.found])) };
  });
}

const recordNames: Record<DnsRecord['kind'], string> = { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC' };
const statusWords: Record<string, string> = { missing: 'missing', mismatch: 'found with another value', pending: 'could not be looked up' };

async function notifyUnverified(tx: Tx, partnerId: string, domain: string, checked: DnsRecord[]) {
  const { emails } = await adminRecipients(tx, partnerId);
  if (!emails.length) return;
  const problems = checked
    .filter((r) => r.required && r.status !== 'verified')
    .map((r) => `${recordNames[r.kind]}: ${statusWords[r.status] ?? r.status}.`)
    .join(' ');
  const url = await partnerHomeUrl(tx, partnerId, '/emails');
  for (const to of emails) await queueTemplatedEmail(tx, { partnerId, to, type: 'sending_domain_unverified', values: { 'domain.name': domain, 'domain.problems': problems, 'link.url': url } });
}
