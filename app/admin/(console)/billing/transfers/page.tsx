import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/billing/money';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormField, TextField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { requireOperatorSession } from '@/lib/auth/session';
import { listLedgerTransfers, partnerBalancesOverview } from '@/lib/ledger/operator-views';
import { indiaDateRange } from '@/lib/ledger/statement-filters';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { PlainTable } from '@/components/ui/plain-table';

export const metadata: Metadata = { title: 'Ledger transfers' };

const kinds = ['top_up', 'charge', 'refund', 'purchase', 'allocation', 'reclaim', 'adjustment', 'expiry'] as const;
const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Kolkata' });
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function TransfersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requireOperatorSession();
  const query = await searchParams;
  const partnerId = first(query.partner);
  const kindParam = first(query.kind);
  const kind = kinds.find((k) => k === kindParam);
  const range = indiaDateRange(first(query.from), first(query.to));
  const cursor = parseCursorParams(query);
  const [page, partners] = await Promise.all([listLedgerTransfers(ctx, { partnerId, kind, from: range.from, to: range.to, ...cursor, limit: 50 }), partnerBalancesOverview(ctx)]);
  const keep = new URLSearchParams({ ...(partnerId ? { partner: partnerId } : {}), ...(kind ? { kind } : {}), ...range.raw });
  const older = page.has_more || cursor.ending_before ? page.data.at(-1)?.id : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/billing" className="text-slate-600 underline-offset-2 hover:underline">← Billing</Link>
      </p>
      <PageHeader title="Ledger transfers" description="Every movement of money, days and points, newest first; append-only." />
      <form method="get" role="search" aria-label="Filter transfers" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <FormField label="Partner" name="partner" className="sm:w-64">
          {(control) => (
            <Select {...control} defaultValue={partnerId ?? ''}>
              <option value="">All live partners and sandboxes</option>
              {partners.map((p) => (
                <option key={p.partnerId} value={p.partnerId}>{p.name}</option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Kind" name="kind" className="sm:w-44">
          {(control) => (
            <Select {...control} defaultValue={kind ?? ''}>
              <option value="">All</option>
              {kinds.map((k) => (
                <option key={k} value={k}>{k.replace('_', ' ')}</option>
              ))}
            </Select>
          )}
        </FormField>
        <TextField label="From" name="from" type="date" defaultValue={range.raw.from} fieldClassName="w-full sm:w-44" />
        <TextField label="To" name="to" type="date" defaultValue={range.raw.to} fieldClassName="w-full sm:w-44" />
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>Filter</button>
      </form>
      <Card>
        <PlainTable caption="Ledger transfers" columns={[{ label: 'Time' }, { label: 'Partner' }, { label: 'Kind' }, { label: 'Status' }, { label: 'For' }, { label: 'Amount', align: 'right' }]}>
          {page.data.map((t) => (
            <tr key={t.id} className="border-b border-slate-100">
              <td className="py-1.5 whitespace-nowrap">{when.format(t.createdAt)}</td>
              <td className="py-1.5">{t.partnerName}</td>
              <td className="py-1.5">{t.kind.replace('_', ' ')}</td>
              <td className="py-1.5">{t.status}</td>
              <td className="py-1.5">
                {t.product ?? t.reference ?? '—'}
                {t.memo ? <span className="block text-xs text-slate-500">{t.memo}</span> : null}
                <span className="block font-mono text-xs text-slate-400">{t.id}</span>
              </td>
              <td className="py-1.5 text-right"><Money value={t.amount} unit={t.unit} /></td>
            </tr>
          ))}
        </PlainTable>
        {page.data.length ? null : <p className="text-sm text-slate-600">No transfers match.</p>}
        <nav aria-label="Pages" className="mt-3 flex gap-2">
          {cursor.starting_after || cursor.ending_before ? <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={`?${keep}`}>Newest</Link> : null}
          {older && page.has_more ? <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={`?${new URLSearchParams({ ...Object.fromEntries(keep), starting_after: older })}`}>Older</Link> : null}
        </nav>
      </Card>
    </>
  );
}
