import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { deliverDueMessages } from '@/lib/messages/deliver-messages';
import { sweepChannelExpiry, syncChannelConnections } from '@/lib/channels/expiry';
import { chargePendingLegs } from '@/lib/calls/charge-call-leg';
import { deliverDueCallbacks } from '@/lib/masking/callbacks';
import { expireMaskingSessions } from '@/lib/masking/expire-sessions';
import { expireClients, warnExpiringClients } from '@/lib/ledger/client-credits';
import { voidExpiredHolds } from '@/lib/ledger/holds';
import { advancePendingPurchases, runNumberUpkeep } from '@/lib/numbers/upkeep';
import { chargeSeatsAndBots } from '@/lib/agents/monthly-charges';
import { verifyLedgerIfDue } from '@/lib/ledger/verify-ledger';
import { expireStaleRegistrations } from '@/lib/onboarding/registration-queries';
import { settlePendingChecks } from '@/lib/onboarding/settle-pending-checks';
import { runSupportClocks } from '@/lib/support/run-support-clocks';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { claimDueDeliveries } from './claim-deliveries';
import { deliverClaimed } from './deliver-webhook';
import { runDueWhatsappChecks } from '@/lib/whatsapp/check-numbers';
import { runHousekeeping } from './housekeeping';
import { rollUpUsage } from '@/lib/usage/roll-up-usage';
import { recheckSendingDomains } from '@/lib/sending-domains/recheck-domains';
import { warnExpiringApiKeys } from '@/lib/api-keys/warn-expiring-keys';
import { renewDueWorkspaces } from '@/lib/workspaces/renewals';
import { applyAgentWorkingHours } from '@/lib/agents/working-hours';
import { endDueWrapUps } from '@/lib/agents/wrap-up';
import { runMonthlyInvoicing } from '@/lib/invoices/generate-now';
import { deliveryTimeoutMs, leaseMs } from './retry-schedule';

export type DeliveryRunOptions = {
  /** The clock deliveries are scheduled by; tests move it instead of waiting. */
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
  timeoutMs?: number;
  resolve?: Resolver;
  partnerIds?: string[];
};

/** How often the worker looks for due work when the last look found none. */
const defaultPollMs = 1000;

/** Claims one batch of due deliveries and carries it out; returns how many it claimed. */
export async function runDeliveryBatch(options: DeliveryRunOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const lease = options.leaseMs ?? getConfig().WEBHOOK_LEASE_MS ?? leaseMs;
  // A lease shortened for a test must still outlast the attempt, or a slow receiver would be sent the event twice.
  const timeoutMs = options.timeoutMs ?? Math.min(deliveryTimeoutMs, Math.floor(lease / 2));
  const claims = await claimDueDeliveries({ now: now(), limit: options.batchSize ?? 10, leaseMs: lease, partnerIds: options.partnerIds });
  await deliverClaimed(claims, { now, timeoutMs, resolve: options.resolve });
  return claims.length;
}

export type WorkerOptions = DeliveryRunOptions & {
  /** How often to look for due deliveries when the last look found none. */
  intervalMs?: number;
  housekeepingIntervalMs?: number;
  /** How often WhatsApp channels are checked for expiry and their phones' state (default 30 s). */
  channelSweepIntervalMs?: number;
};

/**
 * Runs the worker loop until the returned function is called (which resolves once the round in progress has
 * finished). Several workers, in one process or many, can run against one database: each claims its own rows.
 */
export function startWorker(options: WorkerOptions = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? getConfig().WORKER_POLL_MS ?? defaultPollMs;
  const housekeepingIntervalMs = options.housekeepingIntervalMs ?? 5 * 60 * 1000;
  const batchSize = options.batchSize ?? 10;
  const clock = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  let lastChannelSweep = Number.NEGATIVE_INFINITY;
  const channelSweepIntervalMs = options.channelSweepIntervalMs ?? 30_000;
  let lastWorkingHours = Number.NEGATIVE_INFINITY;
  let lastUsageRollup = Number.NEGATIVE_INFINITY;

  const runRound = async () => {
    try {
      // A full batch suggests more are due: keep going before sleeping.
      while (!stopped && (await runDeliveryBatch({ ...options, batchSize })) === batchSize);
      // Wrap-ups end on time to within a round: the wallboard shows the agent free again without anyone pressing.
      if (!stopped) await endDueWrapUps(clock(), { partnerIds: options.partnerIds });
      // The outbox's e-mails and SMS and the KYC checks a provider left pending; not in a run scoped to some partners (tests).
      if (!options.partnerIds) {
        while (!stopped && (await deliverDueMessages(clock(), batchSize)) === batchSize);
        if (!stopped) await settlePendingChecks(clock());
        if (!stopped && Date.now() - lastChannelSweep >= channelSweepIntervalMs) {
          lastChannelSweep = Date.now();
          await sweepChannelExpiry(clock());
          await syncChannelConnections(clock());
          // Workspaces whose IST period ended: renewed once per period, or dropped to the free plan.
          await renewDueWorkspaces(clock());
        }
        // Agents' working hours act at their boundaries (minutes), so once a minute is soon enough; a second
        // worker doing it too changes nothing (each move is a no-op the second time).
        if (!stopped && Date.now() - lastWorkingHours >= 60_000) {
          lastWorkingHours = Date.now();
          await applyAgentWorkingHours(clock());
        }
        // SLA breaches are raised within a round of their due time, not at the next housekeeping.
        if (!stopped) await runSupportClocks(clock());
        if (!stopped) await advancePendingPurchases(clock());
        // Usage into its hours: reads add what is not counted yet, so a minute's lag shows nowhere.
        if (!stopped && Date.now() - lastUsageRollup >= 60_000) {
          lastUsageRollup = Date.now();
          await rollUpUsage();
        }
        // Masking: sessions past their expiry, and the callbacks their changes queued.
        if (!stopped) await expireMaskingSessions(clock());
        while (!stopped && (await deliverDueCallbacks(clock(), { limit: batchSize })) === batchSize);
      }
      if (!stopped && Date.now() - lastHousekeeping >= housekeepingIntervalMs) {
        lastHousekeeping = Date.now();
        await runHousekeeping(clock());
        if (!options.partnerIds) {
          await expireStaleRegistrations(clock());
          await voidExpiredHolds(clock());
          await warnExpiringClients(clock());
          await expireClients(clock());
          // Each linked WhatsApp number once a day (and within the hour after Meta was busy).
          await runDueWhatsappChecks({ now: clock });
          // Each sending domain every few hours: a record removed after verification stops mail going from it.
          await recheckSendingDomains({ now: clock() });
          await warnExpiringApiKeys(clock());
          await runNumberUpkeep(clock());
          // Agent seats and voice bots: each once per IST month, at the client's retail price.
          await chargeSeatsAndBots(clock());
          await chargePendingLegs(clock());
          // Once a day; a failure raises an operator alert.
          await verifyLedgerIfDue(clock());
          // Last month's invoices once it has ended in India, and drafts a crash left.
          await runMonthlyInvoicing(clock());
        }
      }
    } catch (error) {
      logger.error('worker round failed', { error: safeErrorStack(error) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().finally(schedule);
    }, intervalMs);
  };
  round = runRound().finally(schedule);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
  };
}
