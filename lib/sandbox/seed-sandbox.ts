import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, callRecords, clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { buyDays } from '@/lib/channels/day-balance';
import { createChannel } from '@/lib/channels/manage-channels';
import { onboardDemoClient, type DemoClient } from '@/lib/demo/onboard-demo-client';
import { seedAgents } from '@/lib/demo/seed-agents';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { simulateSandboxTopUp } from '@/lib/ledger/sandbox-helpers';
import { createMaskingSession } from '@/lib/masking/sessions';
import { simulateMaskingCall } from '@/lib/masking/simulate-call';
import { addPoolNumbers } from '@/lib/masking/test-pool';
import { buyNumber } from '@/lib/numbers/buy-number';
import { searchNumbers } from '@/lib/numbers/search-numbers';

/** Sample clients, onboarded through KYC against the simulator like the demo's (their PANs are the simulator's valid ones). */
const sampleClients: DemoClient[] = [
  { name: 'Sample Clinic', email: 'owner@sample-clinic.test', mobile: '9876500101', status: 'active', pan: 'AAACB4821K', businessType: 'company', aadhaar11: '23456789012', gst: 'verify' },
  { name: 'Sample Traders', email: 'owner@sample-traders.test', mobile: '9876500102', status: 'active', pan: 'ABCPD5624Q', businessType: 'proprietorship', aadhaar11: '45678901234', gst: { skip: 'Below the GST threshold' } },
];

const magic = /(1111|2222|3333)$/;

/** Who signs in to the sample data (with the reset's password). */
export const sampleLogins = sampleClients.map((client) => client.email);

export type SandboxContents = { clients: number; numbers: number; agents: number; channels: number; calls: number; charges: number };

/**
 * Fills an empty sandbox (`ctx.partnerId`) with what a demo or an integration test starts from: two clients
 * through KYC, a prepaid balance and wallets, a number each, the demo's agents and voice bot, a WhatsApp
 * channel, and a masking session with simulated calls, all through the same domain functions as real use
 * (so their rules, events and ledger postings are the real ones), in the sandbox's own book.
 */
export async function seedSandbox(ctx: PartnerCtx, password: string): Promise<SandboxContents> {
  await simulateSandboxTopUp(ctx, { amount: 5_00_000_00n });
  const made: string[] = [];
  for (const client of sampleClients) {
    const { clientId } = await onboardDemoClient(ctx, client, password);
    if (clientId) made.push(clientId);
  }
  let numbersBought = 0;
  let charges = 0;
  for (const [index, clientId] of made.entries()) {
    await addClientCredits(ctx, { clientId, amount: 10_000_00n, memo: 'Sample credits' });
    const [number] = (await searchNumbers(ctx, { type: 'local', limit: 50 })).filter((n) => !magic.test(n.number));
    if (number) {
      await buyNumber(ctx, { number: number.id, clientId, idempotencyKey: `sandbox:number:${clientId}` });
      numbersBought += 1;
    }
    await chargeClient(ctx, { clientId, product: 'agent_seat_month', objectId: `sample-seat-${index + 1}` });
    await chargeClient(ctx, { clientId, product: 'call_minute_outbound', quantity: 120 + index * 45, objectId: `sample-minutes-${index + 1}` });
    charges += 2;
  }
  await seedAgents(ctx.partnerId, password);
  const [first] = made;
  let channels = 0;
  if (first) {
    await buyDays(ctx, { quantity: 30 });
    await createChannel(ctx, { clientId: first, name: 'Front desk', trialDays: 5 });
    channels = 1;
    await addPoolNumbers({ partnerId: ctx.partnerId, clientId: first, environment: 'sandbox', count: 1 });
    const created = await createMaskingSession(ctx, { client_id: first, first_party: '+919845000101', second_party: '+919845000202', session_expiry: 6 * 3600 });
    await simulateMaskingCall(ctx, created.session.id, { from: 'first_party', duration_seconds: 95 });
    await simulateMaskingCall(ctx, created.session.id, { from: 'second_party', duration_seconds: 40 });
  }
  const db = getDb();
  const countOf = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    clients: await countOf(db.select({ id: clients.id }).from(clients).where(eq(clients.partnerId, ctx.partnerId))),
    numbers: numbersBought,
    agents: await countOf(db.select({ id: agents.id }).from(agents).where(and(eq(agents.partnerId, ctx.partnerId)))),
    channels,
    calls: await countOf(db.select({ id: callRecords.id }).from(callRecords).where(eq(callRecords.partnerId, ctx.partnerId))),
    charges,
  };
}
