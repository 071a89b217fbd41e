import { z } from 'zod';
import { getDb } from '@/db';
import { taxProfiles } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { clientOf } from '@/lib/ledger/books';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { gstinProblem, gstStates, stateOfGstin } from './gst';
import { taxProfileOf } from './parties';

export const taxProfileSchema = z
  .object({
    legalName: z.string().trim().min(2, 'Give the legal name.').max(200),
    address: z.string().trim().min(5, 'Give the address.').max(500),
    stateCode: z.string().trim().refine((code) => Object.hasOwn(gstStates, code), 'Choose a state.'),
    pin: z
      .string()
      .trim()
      .regex(/^[1-9]\d{5}$/, 'A PIN code is six digits.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    gstin: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .superRefine((v, issue) => {
        const problem = v === '' ? null : gstinProblem(v);
        if (problem) issue.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  })
  .superRefine((data, issue) => {
    // A GSTIN names its state: the two must agree, or the place of supply would be ambiguous.
    if (data.gstin && stateOfGstin(data.gstin) !== data.stateCode) issue.addIssue({ code: 'custom', path: ['stateCode'], message: 'The state must be the one the GSTIN was issued in.' });
  });

export type TaxProfileInput = z.input<typeof taxProfileSchema>;

async function save(ctx: Ctx, partnerId: string | null, clientId: string | null, input: Untrusted<TaxProfileInput>) {
  const data = parseInput(taxProfileSchema, input);
  const values = { partnerId, clientId, legalName: data.legalName, address: data.address, stateCode: data.stateCode, pin: data.pin ?? null, gstin: data.gstin || null };
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(taxProfiles)
      .values(values)
      .onConflictDoUpdate({ target: [taxProfiles.partnerId, taxProfiles.clientId], set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { partnerId, action: 'tax_profile.updated', targetType: clientId ? 'client' : partnerId ? 'partner' : 'operator', targetId: clientId ?? partnerId ?? 'operator', after: values });
    return row!;
  });
}

/** The partner's own details as the supplier on its invoices to clients (and the recipient on ours). */
export async function setPartnerTaxProfile(ctx: PartnerCtx, input: Untrusted<TaxProfileInput>) {
  requirePartnerRole(ctx, 'admin');
  return save(ctx, ctx.partnerId, null, input);
}

/** A client's billing details: for an unregistered client its state decides the place of supply. */
export async function setClientBillingDetails(ctx: PartnerCtx, clientId: string, input: Untrusted<TaxProfileInput>) {
  requirePartnerRole(ctx, 'admin');
  await clientOf(getDb(), ctx.partnerId, clientId);
  return save(ctx, ctx.partnerId, clientId, input);
}

/** The operator's details as the supplier on its wholesale invoices to partners. */
export async function setOperatorTaxProfile(ctx: Ctx, input: Untrusted<TaxProfileInput>) {
  requireOperator(ctx);
  return save(ctx, null, null, input);
}

/** The partner's own tax details, for its form. */
export async function partnerTaxProfile(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  return taxProfileOf(getDb(), ctx.partnerId, null);
}

export async function operatorTaxProfile(ctx: Ctx) {
  requireOperator(ctx);
  return taxProfileOf(getDb(), null, null);
}
