import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, installedItems, type TemplateItemRow } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import { fingerprintOf } from './fingerprint';
import { itemKindOf, itemKinds } from './kinds';
import { itemId, type ItemChoice } from './schemas';

/**
 * What installing an item would do to this client:
 * - `new`: the client has nothing there;
 * - `unchanged`: the client already has exactly this;
 * - `changed`: the client has something else there, but not from an edit since our last install (the template
 *   changed, or the client had its own before any install);
 * - `diverged`: installed before, and edited in the client since (its content no longer matches what we wrote);
 * - `kept`: the client chose to keep its own earlier, and has not changed it since;
 * - `unavailable`: nothing to put it on yet (hours for numbers, in a client without numbers).
 */
export type ItemStatus = 'new' | 'unchanged' | 'changed' | 'diverged' | 'kept' | 'unavailable';

export type PlannedItem = {
  id: string;
  kind: string;
  key: string;
  label: string;
  status: ItemStatus;
  /** What the install does with it unless told otherwise. */
  defaultChoice: ItemChoice;
  /** Whether an earlier install of a template wrote this item. */
  installedBefore: boolean;
  /** The client's current content, in the item's shape (null when absent or unavailable). */
  current: Record<string, unknown> | null;
  wanted: Record<string, unknown>;
  fingerprint: string;
  currentFingerprint: string | null;
  note: string | null;
  takesSecret: boolean;
};

const defaults: Record<ItemStatus, ItemChoice> = { new: 'overwrite', unchanged: 'skip', changed: 'overwrite', diverged: 'keep', kept: 'keep', unavailable: 'skip' };

export async function ownClientRow(ctx: PartnerCtx, clientId: string, lock = false) {
  if (!isId('client', clientId)) throw notFound('Client');
  const query = getDb().select({ id: clients.id, name: clients.name, status: clients.status }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Client');
  return row;
}

/** The dry run: each item of a version against what the client has now and what earlier installs wrote. */
export async function planItems(ctx: PartnerCtx, clientId: string, items: TemplateItemRow[]): Promise<PlannedItem[]> {
  const baselines = new Map(
    (await getDb().select().from(installedItems).where(and(eq(installedItems.partnerId, ctx.partnerId), eq(installedItems.clientId, clientId)))).map((row) => [itemId(row), row]),
  );
  const planned: PlannedItem[] = [];
  // In the registry's order whatever order the editor saved: a flow's seat and bot exist before the flow.
  const rank = (kind: string) => itemKinds.findIndex((candidate) => candidate.kind === kind);
  for (const item of [...items].sort((a, b) => rank(a.kind) - rank(b.kind))) {
    const kind = itemKindOf(item.kind);
    if (!kind) continue; // a kind retired since the version was saved
    const wanted = kind.schema.parse(item.data);
    const fingerprint = fingerprintOf(wanted);
    const current = await kind.current(ctx, clientId, item.key, wanted);
    const baseline = baselines.get(itemId(item));
    const base = { id: itemId(item), kind: item.kind, key: item.key, label: item.label, installedBefore: Boolean(baseline), wanted, fingerprint, takesSecret: Boolean(kind.takesSecret) };
    if (current.state === 'unavailable') {
      planned.push({ ...base, status: 'unavailable', defaultChoice: 'skip', current: null, currentFingerprint: null, note: current.reason });
      continue;
    }
    if (current.state === 'absent') {
      planned.push({ ...base, status: 'new', defaultChoice: 'overwrite', current: null, currentFingerprint: null, note: baseline ? 'Installed before, and removed in the client since.' : null });
      continue;
    }
    const currentFingerprint = fingerprintOf(current.data);
    let status: ItemStatus;
    let note: string | null = null;
    if (currentFingerprint === fingerprint) status = 'unchanged';
    else if (baseline?.detached && baseline.fingerprint === currentFingerprint) status = 'kept';
    else if (baseline && baseline.fingerprint === currentFingerprint) status = 'changed';
    else if (baseline) {
      status = 'diverged';
      note = 'Edited in the client since it was installed.';
    } else {
      status = 'changed';
      note = 'The client has its own; overwriting replaces it.';
    }
    // The client's own, never installed by us: keep it unless told to overwrite.
    const defaultChoice = status === 'changed' && !baseline ? 'keep' : defaults[status];
    planned.push({ ...base, status, defaultChoice, current: current.data, currentFingerprint, note });
  }
  return planned;
}
