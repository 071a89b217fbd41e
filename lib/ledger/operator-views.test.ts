import { describe, expect, it } from 'vitest';
import { systemCtx } from '@/lib/audit/context';
import { makePartner, unique } from '@/test/factories';
import { atLedgerTime } from './clock';
import { creditPartner } from './money-in';
import { listLedgerTransfers } from './operator-views';
import { indiaDateRange } from './statement-filters';

describe('operator transfers list', () => {
  it('filters by India dates, whole days included, with the other filters and cursors', async () => {
    const partner = await makePartner('transfers');
    const credit = (at: string, amount: string) => atLedgerTime(new Date(at), () => creditPartner(systemCtx, { partnerId: partner.id, amount, reference: `UTR${unique()}` }));
    await credit('2026-11-09T23:59:00+05:30', '100');
    await credit('2026-11-10T00:00:00+05:30', '200');
    await credit('2026-11-11T23:59:59+05:30', '300');
    await credit('2026-11-12T00:00:00+05:30', '400');
    const amounts = async (from?: string, to?: string, extra: object = {}) => {
      const range = indiaDateRange(from, to);
      const page = await listLedgerTransfers(systemCtx, { partnerId: partner.id, from: range.from, to: range.to, limit: 50, ...extra });
      return page.data.map((t) => t.amount);
    };
    expect(await amounts('2026-11-10', '2026-11-11')).toEqual([300n, 200n]);
    expect(await amounts('2026-11-11')).toEqual([400n, 300n]);
    expect(await amounts(undefined, '2026-11-09')).toEqual([100n]);
    expect(await amounts('2026-11-10', '2026-11-11', { kind: 'charge' })).toEqual([]);
    // A malformed date is no filter, as a hand-edited URL shows everything rather than fails.
    expect(await amounts('2026-13-01')).toHaveLength(4);
    const first = await listLedgerTransfers(systemCtx, { partnerId: partner.id, ...indiaDateRange('2026-11-10', '2026-11-12'), limit: 2 });
    const next = await listLedgerTransfers(systemCtx, { partnerId: partner.id, ...indiaDateRange('2026-11-10', '2026-11-12'), limit: 2, starting_after: first.data.at(-1)!.id });
    expect([...first.data, ...next.data].map((t) => t.amount)).toEqual([400n, 300n, 200n]);
  });
});
