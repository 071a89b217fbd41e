import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { clients, partnerBranding, partners, registrations, taxProfiles, type InvoiceParty, type TaxProfile } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { normaliseGstin, stateName, stateOfGstin } from './gst';

const profileWhere = (partnerId: string | null, clientId: string | null) =>
  and(partnerId ? eq(taxProfiles.partnerId, partnerId) : isNull(taxProfiles.partnerId), clientId ? eq(taxProfiles.clientId, clientId) : isNull(taxProfiles.clientId));

export async function taxProfileOf(q: Queryable, partnerId: string | null, clientId: string | null): Promise<TaxProfile | null> {
  const [row] = await q.select().from(taxProfiles).where(profileWhere(partnerId, clientId)).limit(1);
  return row ?? null;
}

/** A party as printed: the state comes from the GSTIN when there is one, else from the state on record. */
function partyOf(name: string, profile: TaxProfile | null, gstinOverride?: string | null): InvoiceParty {
  const gstin = normaliseGstin(gstinOverride ?? profile?.gstin ?? null);
  const stateCode = gstin ? stateOfGstin(gstin) : (profile?.stateCode ?? '');
  return { name: profile?.legalName || name, address: profile?.address ?? '', stateCode, stateName: stateName(stateCode), pin: profile?.pin ?? null, gstin };
}

/** The operator as the supplier of wholesale services (its own tax profile; the platform's name until one is set). */
export async function operatorParty(q: Queryable): Promise<InvoiceParty> {
  return partyOf(getConfig().PLATFORM_NAME, await taxProfileOf(q, null, null));
}

/** A partner as supplier to its clients (with its brand) or as the operator's customer. */
export async function partnerParty(q: Queryable, partnerId: string): Promise<InvoiceParty> {
  const [row] = await q
    .select({ name: partners.name, productName: partnerBranding.productName, primaryColor: partnerBranding.primaryColor })
    .from(partners)
    .leftJoin(partnerBranding, eq(partnerBranding.partnerId, partners.id))
    .where(eq(partners.id, partnerId));
  const party = partyOf(row?.name ?? partnerId, await taxProfileOf(q, partnerId, null));
  return { ...party, brand: { productName: row?.productName ?? row?.name ?? '', primaryColor: row?.primaryColor ?? '#4f46e5' } };
}

/**
 * A client as recipient: its billing details when the partner recorded them, and the GSTIN its KYC verified
 * when the billing details give none.
 */
export async function clientParty(q: Queryable, partnerId: string, clientId: string): Promise<InvoiceParty & { email: string }> {
  const [client] = await q.select({ name: clients.name, email: clients.email }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, partnerId)));
  const profile = await taxProfileOf(q, partnerId, clientId);
  let gstin = profile?.gstin ?? null;
  if (!gstin) {
    const [kyc] = await q
      .select({ gstin: registrations.gstin })
      .from(registrations)
      .where(and(eq(registrations.clientId, clientId), eq(registrations.partnerId, partnerId), eq(registrations.gstStatus, 'verified')))
      .orderBy(desc(registrations.id))
      .limit(1);
    gstin = kyc?.gstin ?? null;
  }
  return { ...partyOf(client?.name ?? clientId, profile, gstin), email: client?.email ?? '' };
}
