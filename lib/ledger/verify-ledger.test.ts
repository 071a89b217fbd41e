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
    const alerts = await getDb().select().from(operatorAlerts).where(sql`${operatorAlerts.details}->>'verification_id' = ${result.id!}`);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'ledger_verification_failed', resolvedAt: null })]);
    expect(JSON.stringify(alerts[0]!.details)).toContain(account!.id);
    const [recorded] = await getDb().select().from(ledgerVerifications).where(eq(ledgerVerifications.id, result.id!));
    expect(recorded!.ok).toBe(false);
  });

  it('runs from the worker at most once a day', async () => {
    // After any run already recorded (tests share one database), so the first call is due.
    const [last] = await getDb().select({ at: ledgerVerifications.createdAt }).from(ledgerVerifications).orderBy(desc(ledgerVerifications.createdAt)).limit(1);
    const now = new Date(Math.max(Date.now(), last?.at.getTime() ?? 0) + 2 * 24 * 3600 * 1000);
    expect(await verifyLedgerIfDue(now)).not.toBeNull();
    expect(await verifyLedgerIfDue(new Date(now.getTime() + 60_000))).toBeNull();
  });

  it('credits a partner and shows its balances from the CLI, in Indian digit grouping', async () => {
    const partner = await makePartner('cli-money');
    const credited = await cli('credit-partner', '--partner', partner.slug, '--amount', '123456.78', '--reference', `UTR${partner.id.slice(-10)}`);
    expect(credited).toMatchObject({ code: 0 });
    expect(credited.out).toContain('Credited ₹1,23,456.78');
    const again = await cli('credit-partner', '--partner', partner.slug, '--amount', '123456.78', '--reference', `UTR${partner.id.slice(-10)}`);
    expect(again.out).toContain('Already credited');
    expect((await cli('credit-partner', '--partner', partner.slug, '--amount', '12.345', '--reference', 'UTR1')).code).toBe(2);
    const shown = await cli('show-balances', '--partner', partner.slug);
    expect(shown.out).toContain('prepaid ₹1,23,456.78');
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
