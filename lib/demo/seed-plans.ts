import { getDb } from '@/db';
import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { buyUnits } from '@/lib/ledger/units';
import { periodOf, previousPeriod } from '@/lib/periods/ist-month';
import { addAddon, changePlan } from '@/lib/workspaces/change-plan';
import { createWorkspace, pauseWorkspace, reportUsage, setBillingInfo } from '@/lib/workspaces/manage-workspaces';
import { setOffer } from '@/lib/workspaces/offers';
import { renewDueWorkspaces } from '@/lib/workspaces/renewals';
import { ensureStandardCatalogue } from '@/lib/workspaces/standard-catalogue';
import { topUpPoints } from '@/lib/workspaces/workspace-points';

/**
 * The chat-bot product's plans and a few workspaces for one demo partner, with two months of history: a Pro
 * workspace started two months ago and renewed each month since (one add-on), one upgraded to Business this
 * month (its prorated charge and commission), a free one with points, and one paused over its limits. Needs
 * the balances seedMoney gives.
 */
export async function seedPlans(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const catalogue = await ensureStandardCatalogue(getDb());
  for (const item of [catalogue.pro, catalogue.business, catalogue.extraMember, catalogue.extraBotUsers]) await setOffer(ctx, { itemId: item.id, offered: true });
  const clients = (await listClients(ctx, { status: 'active', limit: 2 })).data;
  if (!clients.length) return;
  const [first, second = first] = clients as [(typeof clients)[number], ...(typeof clients)[number][]];
  const twoMonthsAgo = previousPeriod(previousPeriod(periodOf(now)));
  const started = new Date(twoMonthsAgo.start.getTime() + 4 * 86_400_000);
  const at = <T>(when: Date, work: () => Promise<T>) => atLedgerTime(when, work);

  for (const client of new Set([first, second])) await at(started, () => addClientCredits(ctx, { clientId: client.id, amount: 10_000_00n, memo: 'Chat-bot plan prepayment' }));
  const support = await at(started, () => createWorkspace(ctx, { clientId: first.id, name: 'Customer support bot', planId: 'pro' }, started));
  await at(started, () => addAddon(ctx, support.id, { addonId: 'extra_member' }, started));
  await setBillingInfo(ctx, support.id, { legalName: `${first.name} Pvt Ltd`, gstin: '27AAACB4821K1ZR', addressLine1: '14 Ring Road', city: 'Pune', state: 'Maharashtra', pincode: '411001' });
  const sales = await at(started, () => createWorkspace(ctx, { clientId: second.id, name: 'Sales assistant', planId: 'pro' }, started));
  // Each month's renewal, a little after midnight IST on the 1st, as the worker does it.
  for (const period of [previousPeriod(periodOf(now)), periodOf(now)]) {
    const renewalAt = new Date(period.start.getTime() + 30 * 60_000);
    await at(renewalAt, () => renewDueWorkspaces(renewalAt, { partnerIds: [partnerId] }));
  }
  const upgradeAt = new Date(Math.max(periodOf(now).start.getTime() + 60 * 60_000, now.getTime() - 3_600_000));
  await at(upgradeAt, () => changePlan(ctx, sales.id, { planId: 'business' }, upgradeAt));
  await reportUsage(ctx, support.id, { botUsers: 4_200, members: 3, bots: 2 });

  await buyUnits(ctx, { unit: 'points', quantity: 1_000 });
  const trial = await createWorkspace(ctx, { clientId: first.id, name: 'Website FAQ bot' }, now);
  await topUpPoints(ctx, trial.id, { quantity: 250, comment: 'Welcome points' });
  const busy = await createWorkspace(ctx, { clientId: second.id, name: 'Campaign bot' }, now);
  // Over the free plan's one bot: paused by the platform until within limits.
  await reportUsage(ctx, busy.id, { botUsers: 600, members: 1, bots: 3 });
  await pauseWorkspace(ctx, trial.id, { reason: 'Client asked for a break' });
}
