import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { getDb } from '@/db';
import { generateMonth } from '@/lib/invoices/generate';
import { taxProfileOf } from '@/lib/invoices/parties';
import { setClientBillingDetails, setOperatorTaxProfile, setPartnerTaxProfile } from '@/lib/invoices/tax-profiles';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { periodOf, previousPeriod } from '@/lib/periods/ist-month';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The month before seedMoney's, for the invoices: a payment, each active client topped up and charged a
 * number's rental, a seat and some minutes, about two months ago. Runs before seedMoney so the ledger's rows
 * stay in time order.
 */
export async function seedInvoiceHistory(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const at = (daysAgo: number, hour = 10) => new Date(Math.floor(now.getTime() / dayMs) * dayMs - daysAgo * dayMs + hour * 3_600_000);
  await atLedgerTime(at(62, 9), () => creditPartner(systemCtx, { partnerId, amount: 50_000_00n, reference: `DEMO${partnerId.slice(-8).toUpperCase()}I`, memo: 'Opening payment' }));
  const clients = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  for (const [index, client] of clients.entries()) {
    await atLedgerTime(at(62, 11), () => addClientCredits(ctx, { clientId: client.id, amount: 5_000_00n, memo: 'Opening credits' }));
    await atLedgerTime(at(60, 12), () => chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month', objectId: `agent-${index + 1}` }));
    for (const daysAgo of [58, 50, 42]) await atLedgerTime(at(daysAgo, 14), () => chargeClient(ctx, { clientId: client.id, product: daysAgo % 2 ? 'call_minute_inbound' : 'call_minute_outbound', quantity: 60 + index * 25 + daysAgo }));
  }
}

/**
 * Tax details (the operator's, the partner's in Maharashtra, and one unregistered client's state) and the
 * invoices and credit notes of the last two ended months, as the worker would have made them on the 1st. They
 * are left numbered drafts: drawing each PDF takes about a second, too long for a first start, so the worker
 * finishes them in its first round (and a download draws its PDF at once).
 */
export async function seedInvoices(partnerId: string, partnerIndex: number, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const gstin = (first14: string) => `${first14}${gstinCheckCharacter(first14)}`;
  if (!(await taxProfileOf(getDb(), null, null))) await setOperatorTaxProfile(systemCtx, { legalName: 'Switchboard Communications Pvt Ltd', address: '3rd floor, Prestige Tower, Residency Road, Bengaluru', stateCode: '29', pin: '560025', gstin: gstin('29AAECS4821K1Z') });
  await setPartnerTaxProfile(ctx, { legalName: `Demo Partner ${partnerIndex + 1} Telecom LLP`, address: `${10 + partnerIndex} Nariman Point, Mumbai`, stateCode: '27', pin: '400021', gstin: gstin(`27AAJFD${String(4000 + partnerIndex).padStart(4, '0')}M1Z`) });
  const clients = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  const last = clients.at(-1);
  if (last) await setClientBillingDetails(ctx, last.id, { legalName: last.name, address: '22 FC Road, Pune', stateCode: '27', pin: '411004' });
  const lastMonth = previousPeriod(periodOf(now));
  for (const period of [previousPeriod(lastMonth), lastMonth]) await generateMonth(period, { partnerId, now: period.end, finish: false });
}
