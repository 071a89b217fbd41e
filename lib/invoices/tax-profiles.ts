import { z } from 'zod';
import { getDb } from '@/db';
import { taxProfiles, type TaxProfile } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { clientOf } from '@/lib/ledger/books';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { isId } from '@/lib/ids';
import { gstinProblem, gstStates, stateOfGstin } from './gst';
import { taxProfileOf } from './parties';

export const taxProfileFields = {
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
};

/** A GSTIN names its state: the two must agree, or the place of supply would be ambiguous. */
export const gstinStateProblem = (gstin: string | undefined, stateCode: string) => (gstin && stateOfGstin(gstin) !== stateCode ? 'The state must be the one the GSTIN was issued in.' : null);

export const taxProfileSchema = z.object(taxProfileFields).superRefine((data, issue) => {
  const problem = gstinStateProblem(data.gstin, data.stateCode);
  if (problem) issue.addIssue({ code: 'custom', path: ['stateCode'], message: problem });
});

/** A client's billing details: the tax profile and the address its invoices are e-mailed to. */
export const clientBillingDetailsSchema = z
  .object({
    ...taxProfileFields,
    // An empty field (the console's form) means none: invoices go to the account e-mail.
    billingEmail: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().toLowerCase().pipe(z.email('Give a valid e-mail address.').max(254, 'Use at most 254 characters.')).optional()),
  })
  .superRefine((data, issue) => {
    const problem = gstinStateProblem(data.gstin, data.stateCode);
    if (problem) issue.addIssue({ code: 'custom', path: ['stateCode'], message: problem });
  });

export type TaxProfileInput = z.input<typeof taxProfileSchema>;
export type ClientBillingDetailsInput = z.input<typeof clientBillingDetailsSchema>;
/** A client's billing details as stored (its tax profile; `email` is the billing e-mail). */
export type ClientBillingDetails = TaxProfile;

async function save(ctx: Ctx, partnerId: string | null, clientId: string | null, input: Untrusted<ClientBillingDetailsInput>) {
  const data = parseInput(clientId ? clientBillingDetailsSchema : taxProfileSchema, input) as z.output<typeof clientBillingDetailsSchema>;
  const values = { partnerId, clientId, legalName: data.legalName, address: data.address, stateCode: data.stateCode, pin: data.pin ?? null, gstin: data.gstin || null, email: clientId ? (data.billingEmail ?? null) : null };
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

/**
 * A client's billing details (legal name, GSTIN, address, billing e-mail), printed as the recipient on its
 * invoices; for an unregistered client its state decides the place of supply. Replaces them whole.
 */
export async function setClientBillingDetails(ctx: PartnerCtx, clientId: string, input: Untrusted<ClientBillingDetailsInput>) {
  requirePartnerRole(ctx, 'admin');
  if (!isId('client', clientId)) throw notFound('Client');
  await clientOf(getDb(), ctx.partnerId, clientId);
  return save(ctx, ctx.partnerId, clientId, input);
}

/** A client's billing details as recorded, or null when the partner has recorded none (404 for another partner's client). */
export async function clientBillingDetails(ctx: PartnerCtx, clientId: string) {
  requirePartnerRole(ctx, 'member');
  if (!isId('client', clientId)) throw notFound('Client');
  await clientOf(getDb(), ctx.partnerId, clientId);
  return taxProfileOf(getDb(), ctx.partnerId, clientId);
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
