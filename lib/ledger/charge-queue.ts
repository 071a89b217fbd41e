import { getDb } from '@/db';
import { getConfig } from '@/lib/config';
import { ledgerNow } from './clock';
import { planSet, type PostedSet } from './post-set';
import { postSetsAtOnce, TakeTransactionalPath, type SetItem } from './post-set-at-once';

type Waiting = { item: SetItem; resolve: (posted: PostedSet) => void; reject: (error: unknown) => void };

const queues = new Map<string, Waiting[]>();

/** Statements run and sets posted through queues since start, to see how much sharing a load brings. */
const counts = { statements: 0, sets: 0 };
export const queueCounts = () => ({ ...counts });

/**
 * Posts a set at once (postSetsAtOnce), sharing the statement with sets queued on the same hot accounts. The
 * first set on an idle queue goes at once, alone; sets that arrive while a statement is running wait for it
 * and then go together, in arrival order, in the next. So one wallet or one partner's prepaid balance is
 * locked once per batch rather than once per charge, which is what lifts charges per second on one wallet
 * (the lock's queue, not the work, was the limit) — group commit, as TigerBeetle batches transfers.
 *
 * A batch is all or nothing; when it is abandoned (a floor, a low-balance crossing, a deadlock) each of its
 * sets is posted again alone, so one charge's shortfall never refuses another's, and each gets the answer it
 * would have had alone. Two sets with the same idempotency key never share a statement: the second waits for
 * the next one and is replayed there.
 */
export function postQueued(queueKey: string, set: SetItem): Promise<PostedSet> {
  // Planned here, in the caller's context: a bad request is refused to its caller alone, and the set is stamped
  // with the caller's ledger time, whichever caller's batch it goes in.
  const item = { ...set, at: set.at ?? ledgerNow(), plan: set.plan ?? planSet(set.ctx, set.request, set.accountIds) };
  return new Promise((resolve, reject) => {
    const waiting = queues.get(queueKey);
    if (waiting) {
      waiting.push({ item, resolve, reject });
      return;
    }
    queues.set(queueKey, [{ item, resolve, reject }]);
    void drain(queueKey);
  });
}

async function drain(queueKey: string) {
  const waiting = queues.get(queueKey)!;
  while (waiting.length) {
    const batch = takeBatch(waiting);
    counts.statements++;
    counts.sets += batch.length;
    const outcomes = await postSetsAtOnce(getDb(), batch.map((w) => w.item)).catch((error: unknown) => error);
    if (Array.isArray(outcomes)) {
      batch.forEach((w, i) => void outcomes[i]!().then(w.resolve, w.reject));
    } else if (outcomes instanceof TakeTransactionalPath && batch.length > 1) {
      // Abandoned, so nothing was written: each set again alone, to get the answer it would have had alone.
      for (const w of batch) await postSetsAtOnce(getDb(), [w.item]).then(([outcome]) => outcome!().then(w.resolve, w.reject), w.reject);
    } else {
      // Anything else may have come after the commit (a dropped connection): retrying could post a set twice, so
      // every set gets the error, as a charge alone would.
      for (const w of batch) w.reject(outcomes);
    }
  }
  queues.delete(queueKey);
}

/**
 * The next batch, in arrival order, leaving for later any set whose key is already in it. At most
 * LEDGER_BATCH_MAX sets: enough to amortise the statement, few enough to keep it small.
 */
function takeBatch(waiting: Waiting[]): Waiting[] {
  const maxBatch = getConfig().LEDGER_BATCH_MAX;
  const batch: Waiting[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < waiting.length && batch.length < maxBatch; ) {
    const key = waiting[i]!.item.request.idempotencyKey;
    if (key && keys.has(key)) {
      i++;
      continue;
    }
    if (key) keys.add(key);
    batch.push(...waiting.splice(i, 1));
  }
  return batch;
}
