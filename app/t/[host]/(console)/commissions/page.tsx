import type { Metadata } from 'next';
import { CommissionChart } from '@/components/billing/commission-chart';
import { Money } from '@/components/billing/money';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormField, TextField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { commissionReport, defaultReportRange } from '@/lib/ledger/commission-report';
import type { SearchParams } from '@/lib/tables/table-params';
import { PlainTable } from '@/components/ui/plain-table';

export const metadata: Metadata = { title: 'Commissions' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx } = await requireConsoleSession();
  const query = await searchParams;
  const range = defaultReportRange();
  const input = { startDate: first(query.start_date) ?? range.startDate, endDate: first(query.end_date) ?? range.endDate, clientId: first(query.client_id), groupBy: first(query.group_by) === 'month' ? 'month' : 'day' };
  const report = await commissionReport(dataCtx, input).catch((error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));
  const exportQuery = new URLSearchParams({ start_date: input.startDate, end_date: input.endDate, group_by: input.groupBy, ...(input.clientId ? { client_id: input.clientId } : {}) });

  return (
    <>
      <PageHeader title="Commissions" description="Your margin on every charge to your clients: what they paid at retail less what you paid at wholesale. Refunds count against it." />
      <form method="get" role="search" aria-label="Choose the report" className="mb-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <TextField label="From" name="start_date" type="date" defaultValue={input.startDate} fieldClassName="w-full sm:w-44" />
        <TextField label="To" name="end_date" type="date" defaultValue={input.endDate} fieldClassName="w-full sm:w-44" />
        <FormField label="Per" name="group_by" className="w-full sm:w-32">
          {(control) => (
            <Select {...control} defaultValue={input.groupBy}>
              <option value="day">Day</option>
              <option value="month">Month</option>
            </Select>
          )}
        </FormField>
        {input.clientId ? <input type="hidden" name="client_id" value={input.clientId} /> : null}
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Show
        </button>
        <a href={`/commissions/export?${exportQuery}`} download className={buttonClasses({ variant: 'secondary' })}>
          Export CSV
        </a>
      </form>
      {report instanceof AppError ? (
        <FormMessage kind="error" message={report.message} />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 sm:grid-cols-3">
            <Card title="Commission">
              <p className="text-2xl font-semibold" data-testid="commission-total">
                <Money value={report.totals.commission} />
              </p>
            </Card>
            <Card title="Charges">
              <p className="text-2xl font-semibold" data-testid="commission-charges">{report.totals.charges}</p>
            </Card>
            <Card title="Retail / wholesale">
              <p className="text-sm">
                <Money value={report.totals.retail} /> / <Money value={report.totals.wholesale} />
              </p>
            </Card>
          </div>
          <Card title={`Commission per ${input.groupBy}`}>
            <CommissionChart points={report.series} caption={`Commission per ${input.groupBy}, ${report.startDate} to ${report.endDate}`} />
          </Card>
          <Card title="By client">
            <PlainTable caption="Commission by client" columns={[{ label: 'Client' }, { label: 'Charges', align: 'right' }, { label: 'Retail', align: 'right' }, { label: 'Wholesale', align: 'right' }, { label: 'Commission', align: 'right' }]} dense>
              {report.byClient.map((row) => (
                <tr key={row.clientId} className="border-b border-slate-100">
                  <th scope="row" className="py-1.5 text-left font-normal">
                    <a href={`/commissions?${new URLSearchParams({ ...Object.fromEntries(exportQuery), client_id: row.clientId })}`} className="underline-offset-2 hover:underline">
                      {row.name}
                    </a>
                  </th>
                  <td className="py-1.5 text-right tabular-nums">{row.charges}</td>
                  <td className="py-1.5 text-right"><Money value={row.retail} /></td>
                  <td className="py-1.5 text-right"><Money value={row.wholesale} /></td>
                  <td className="py-1.5 text-right"><Money value={row.commission} /></td>
                </tr>
              ))}
            </PlainTable>
            {report.byClient.length ? null : <p className="text-sm text-slate-600">No charges in this range.</p>}
          </Card>
        </div>
      )}
    </>
  );
}
