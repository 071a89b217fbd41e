import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { numbers } from '@/db/schema';

/**
 * What a reset keeps: how the partner reaches and configures its sandbox (keys, webhook endpoints, e-mail
 * wording, prices, settings), and the audit log, which is append-only everywhere: who changed the sandbox's
 * keys or endpoints, and each reset itself, stay on record. Everything else a sandbox holds is data, and
 * goes, events too: they describe clients and calls that no longer exist, and their webhook deliveries
 * (removed with them) would otherwise keep retrying stale payloads at the partner's endpoint after the reset.
 */
const kept = new Set([
  'partners',
  'partner_branding',
  'partner_hostnames',
  'partner_users',
  'password_resets',
  'auth_sessions',
  'api_keys',
  'api_request_log',
  'idempotency_keys',
  'rate_limit_windows',
  'audit_log',
  'webhook_endpoints',
  'email_templates',
  'sending_domains',
  'retail_prices',
  'wholesale_overrides',
  'number_settings',
  'provisioning_templates',
  'template_versions',
]);

/** Deleted first, in this order: rows that other rows point at without a cascade, then the clients. */
const first = ['masking_callbacks', 'masking_sessions', 'call_events', 'call_records', 'number_holds', 'number_assignments', 'number_purchases', 'clients'];

/**
 * Empties a sandbox (a partner of kind `sandbox`; the caller has checked that) inside the caller's
 * transaction. Every table with a `partner_id` is covered unless kept above, so a table added later is wiped
 * too without anyone remembering to list it. The sandbox's numbers go back to the sandbox inventory (never
 * the live one: sandboxes only ever hold sandbox numbers). Returns how many rows went, per table.
 */
export async function wipeSandbox(sandboxId: string): Promise<Record<string, number>> {
  const db = getDb();
  const tables = (await db.execute<{ table_name: string }>(sql`select table_name from information_schema.columns where column_name = 'partner_id' and table_schema = current_schema() order by table_name`)) as unknown as
    | { table_name: string }[]
    | { rows: { table_name: string }[] };
  const names = (Array.isArray(tables) ? tables : tables.rows).map((row) => row.table_name).filter((name) => !kept.has(name) && name !== 'numbers');
  const ordered = [...first.filter((name) => names.includes(name)), ...names.filter((name) => !first.includes(name))];
  const removed: Record<string, number> = {};
  // Pool and rented numbers go back to the sandbox inventory before the clients that hold them go.
  await deleteFrom('masking_callbacks', sandboxId, removed);
  await deleteFrom('masking_sessions', sandboxId, removed);
  const released = await db
    .update(numbers)
    .set({ status: 'available', partnerId: null, clientId: null, holdExpiresAt: null, reusableAfter: null, masking: false })
    .where(and(eq(numbers.partnerId, sandboxId), eq(numbers.environment, 'sandbox')))
    .returning({ id: numbers.id });
  removed.numbers = released.length;
  for (const name of ordered) await deleteFrom(name, sandboxId, removed);
  return removed;
}

async function deleteFrom(table: string, sandboxId: string, removed: Record<string, number>) {
  const result = (await getDb().execute(sql`delete from ${sql.identifier(table)} where partner_id = ${sandboxId}`)) as unknown as { count?: number; affectedRows?: number };
  removed[table] = (removed[table] ?? 0) + (result.count ?? result.affectedRows ?? 0);
}
