import { promises as dns } from 'node:dns';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerHostnames } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { forgetTenant } from '@/lib/tenancy/resolve-host';
import { verificationRecord } from './manage-domains';

/** Same shape as node:dns `resolveTxt`; tests pass a fake one. */
export type TxtResolver = (name: string) => Promise<string[][]>;

type Outcome = { status: 'verified'; failureReason: null } | { status: 'failed'; failureReason: string };

/** Looks up the verification record and explains, in words a partner can act on, what is wrong. */
export async function checkVerificationRecord(hostname: string, token: string, resolveTxt: TxtResolver): Promise<Outcome> {
  const expected = verificationRecord(hostname, token);
  let records: string[][];
  try {
    records = await resolveTxt(expected.name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return { status: 'failed', failureReason: `No TXT record found at ${expected.name}. DNS changes can take a while to appear; try again later.` };
    }
    return { status: 'failed', failureReason: `The DNS lookup of ${expected.name} failed (${code ?? 'unknown error'}). Try again later.` };
  }
  // A long TXT value may arrive split into chunks; a name may also carry unrelated TXT records.
  const values = records.map((chunks) => chunks.join('').trim());
  if (values.includes(expected.value)) return { status: 'verified', failureReason: null };
  const seen = values.length ? values.map((v) => `“${v.slice(0, 80)}”`).join(', ') : 'an empty record';
  return { status: 'failed', failureReason: `The TXT record at ${expected.name} has ${seen}, not “${expected.value}”.` };
}

export async function verifyDomain(ctx: PartnerCtx, hostnameId: string, resolveTxt: TxtResolver = dns.resolveTxt) {
  requirePartnerRole(ctx, 'admin');
  const db = getDb();
  const [row] = await db
    .select()
    .from(partnerHostnames)
    .where(and(eq(partnerHostnames.id, hostnameId), eq(partnerHostnames.partnerId, ctx.partnerId)))
    .limit(1);
  if (!row) throw notFound('Domain');
  if (row.status === 'verified') return row;

  let outcome = await checkVerificationRecord(row.hostname, row.verificationToken, resolveTxt);
  const now = new Date();
  const save = (result: Outcome) =>
    db.transaction(async (tx) => {
      const [updated] = await tx
        .update(partnerHostnames)
        .set({ status: result.status, failureReason: result.failureReason, checkedAt: now, verifiedAt: result.status === 'verified' ? now : null })
        .where(eq(partnerHostnames.id, row.id))
        .returning();
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: `domain.${result.status}`, targetType: 'hostname', targetId: row.id, after: { hostname: row.hostname, failureReason: result.failureReason } });
      return updated!;
    });
  try {
    const updated = await save(outcome);
    if (outcome.status === 'verified') forgetTenant(ctx.partnerId);
    return updated;
  } catch (error) {
    if (!isUniqueViolation(error, 'partner_hostnames_verified_key')) throw error;
    outcome = { status: 'failed', failureReason: 'This domain is already verified for another account.' };
    return save(outcome);
  }
}
