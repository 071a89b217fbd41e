import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { ledgerAccounts, ledgerVerifications, operatorAlerts } from '@/db/schema';
import { runCli } from '@/cli/run-cli';
import { systemCtx } from '@/lib/audit/context';
import { makePartner } from '@/test/factories';
import { readAccount, type AccountKey } from './accounts';
import { postSet } from './post-set';
import { runLedgerVerification, verifyLedger, verifyLedgerIfDue } from './verify-ledger';

async function fundedPartner() {
  const partner = await makePartner('verify');
  const prepaid: AccountKey = { partnerId: partner.id, kind: 'partner_prepaid', unit: 'inr' };
  await getDb().transaction((tx) => postSet(tx, systemCtx, { partnerId: partner.id, kind: 'top_up', legs: [{ debit: { ...prepaid, kind: 'operator_funding' }, credit: prepaid, amount: 9_900n, kind: 'top_up' }] }));
  return { partner, prepaid };
}

/** Breaks one balance behind the ledger's back (as a bad migration or a manual edit would), then mends it. */
async function tampered<T>(accountId: string, work: () => Promise<T>): Promise<T> {
  await getDb().update(ledgerAccounts).set({ balance: sql`${ledgerAccounts.balance} + 1` }).where(eq(ledgerAccounts.id, accountId));
  try {
    return await work();
  } finally {
    await getDb().update(ledgerAccounts).set({ balance: sql`${ledgerAccounts.balance} - 1` }).where(eq(ledgerAccounts.id, accountId));
  }
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, { keepDatabaseOpen: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ledger verification', () => {
  it('finds a balance that no longer equals its entries', async () => {
    const { partner, prepaid } = await fundedPartner();
    expect(await verifyLedger({ partnerId: partner.id })).toMatchObject({ ok: true, problems: [] });
    const account = await readAccount(getDb(), prepaid);
    const result = await tampered(account!.id, () => verifyLedger({ partnerId: partner.id }));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ check: 'balance_equals_entries', id: account!.id }));
  });

  it('records each run and raises an operator alert when one fails', async () => {
    const { prepaid } = await fundedPartner();
    const account = await readAccount(getDb(), prepaid);
    const result = await tampered(account!.id, () => runLedgerVerification());
    expect(result.ok).toBe(false);
    const [alert] = await getDb().select().from(operatorAlerts).orderBy(desc(operatorAlerts.createdAt)).limit(1);
    expect(alert).toMatchObject({ kind: 'ledger_verification_failed', resolvedAt: null });
    expect(JSON.stringify(alert!.details)).toContain(account!.id);
    const [last] = await getDb().select().from(ledgerVerifications).orderBy(desc(ledgerVerifications.createdAt)).limit(1);
    expect(last!.ok).toBe(false);
  });

  it('runs from the worker at most once a day', async () => {
    const now = new Date(Date.now() + 400 * 24 * 3600 * 1000);
    expect(await verifyLedgerIfDue(now)).not.toBeNull();
    expect(await verifyLedgerIfDue(new Date(now.getTime() + 60_000))).toBeNull();
  });

  it('is what `npm run cli -- ledger-verify` reports, exiting 1 on a finding', async () => {
    const { partner, prepaid } = await fundedPartner();
    const clean = await cli('ledger-verify', '--partner', partner.slug);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.out).toContain('Ledger verified: no problems.');
    const account = await readAccount(getDb(), prepaid);
    const broken = await tampered(account!.id, () => cli('ledger-verify', '--partner', partner.slug));
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`balance_equals_entries: ${account!.id} balance 9901 but entries sum to 9900`);
  });
});
