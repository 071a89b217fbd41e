/**
 * `npm run bench:session`: what checking the session row costs on every console request, measured in-process
 * against a baseline from the same run: the account lookup every console request made before (the partner user
 * by id and partner, for the fresh role), and the same lookup with the session check folded into it (the cookie's
 * session row is open, belongs to the account and has not expired), as lib/auth/session.ts runs it now. A page
 * runs the lookup twice (layout and page), so twice the difference is what a page pays.
 *
 * Uses DATABASE_URL when set, else an in-memory embedded database. The sessions table is filled with other
 * accounts' rows (BENCH_SESSIONS, default 20000) so the index, not an empty table, is measured.
 */
import '@/lib/config/load-env-files';
import { and, eq } from 'drizzle-orm';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { authSessions, partnerUsers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { openSessionOf, sessionLifetimeMs, startAuthSession } from '@/lib/auth/auth-sessions';
import { newId } from '@/lib/ids';
import { createPartner } from '@/lib/partners/create-partner';
import { addTeamMember } from '@/lib/team/add-team-member';

process.env.LOG_LEVEL = 'silent';
setDatabaseForTests(openDatabase(process.env.DATABASE_URL ? {} : { pgliteDir: 'memory://' }));
await migrateDatabase();

const partner = await createPartner(systemCtx, { slug: `bench-sessions-${Date.now().toString(36)}`, name: 'Bench sessions' });
const ctx = { ...systemCtx, partnerId: partner.id };
const { user } = await addTeamMember(ctx, { email: `bench-${Date.now()}@example.test`, name: 'Bench', role: 'admin', delivery: 'password' });
const sessionId = await startAuthSession({ audience: 'partner', accountId: user.id, partnerId: partner.id });

const others = Number(process.env.BENCH_SESSIONS ?? 20_000);
const expiresAt = new Date(Date.now() + sessionLifetimeMs);
for (let i = 0; i < others; i += 1000) {
  const rows = Array.from({ length: Math.min(1000, others - i) }, () => ({ id: newId('authSession'), audience: 'partner' as const, accountId: newId('partnerUser'), partnerId: partner.id, expiresAt }));
  await getDb().insert(authSessions).values(rows);
}

const columns = { id: partnerUsers.id, name: partnerUsers.name, email: partnerUsers.email, role: partnerUsers.role, passwordHash: partnerUsers.passwordHash };
const before = () => getDb().select(columns).from(partnerUsers).where(and(eq(partnerUsers.id, user.id), eq(partnerUsers.partnerId, partner.id))).limit(1);
const after = () =>
  getDb()
    .select({ ...columns, mustChangePassword: partnerUsers.mustChangePassword })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.id, user.id), eq(partnerUsers.partnerId, partner.id), openSessionOf(sessionId, partnerUsers.id)))
    .limit(1);

async function measure(name: string, run: () => Promise<unknown[]>, total = 3000, concurrency = 1) {
  for (let i = 0; i < 300; i++) if ((await run()).length !== 1) throw new Error(`${name}: no row`);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 1000;
  return { name, perSecond: total / seconds, p50: pct(50), p95: pct(95) };
}

// Interleaved rounds, so a slow patch of the shared machine does not land on one side only.
const rounds = [];
for (let round = 0; round < 3; round++) rounds.push({ baseline: await measure('account lookup alone (before, baseline)', before), checked: await measure('account lookup + session check (now)', after) });

console.log(`\nSession check per console request — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${others} other sessions, 3000 lookups one at a time\n`);
console.log('round', 'case'.padEnd(42), 'calls/s'.padStart(9), 'p50 µs'.padStart(8), 'p95 µs'.padStart(8), 'vs baseline'.padStart(12));
rounds.forEach(({ baseline, checked }, i) => {
  for (const r of [baseline, checked]) console.log(String(i + 1).padEnd(5), r.name.padEnd(42), r.perSecond.toFixed(0).padStart(9), r.p50.toFixed(0).padStart(8), r.p95.toFixed(0).padStart(8), `${(r.p50 / baseline.p50).toFixed(2)}×`.padStart(12));
});
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const added = median(rounds.map((r) => r.checked.p50 - r.baseline.p50));
console.log(`\nAdded per lookup (median of rounds, p50): ${added.toFixed(0)} µs; per console page (two lookups): ${(2 * added).toFixed(0)} µs.\n`);
await closeDatabase();
process.exit(0);
