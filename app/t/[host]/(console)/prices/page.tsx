import type { Metadata } from 'next';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listPartnerPrices } from '@/lib/prices/price-book';
import { ConfirmBelowWholesale } from '@/components/billing/confirm-below-wholesale';
import { setRetailPriceAction } from './actions';
import { PlainTable } from '@/components/ui/plain-table';

export const metadata: Metadata = { title: 'Prices' };

export default async function PricesPage() {
  const { ctx, user } = await requireConsoleSession();
  const prices = await listPartnerPrices(ctx);
  return (
    <>
      <PageHeader title="Prices" description="What you pay (wholesale) and what your clients pay (retail) for each product, and your margin. Retail starts at the list price." />
      <Card>
        <PlainTable caption="Wholesale and retail prices" columns={[{ label: 'Product' }, { label: 'List', align: 'right' }, { label: 'Wholesale', align: 'right' }, { label: 'Retail', align: 'right' }, { label: 'Margin', align: 'right' }]}>
          {prices.map((p) => (
            <tr key={p.product} className="border-b border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                {p.name} <span className="text-slate-500">per {p.per}</span>
              </th>
              <td className="py-2 text-right"><Money value={p.list} /></td>
              <td className="py-2 text-right"><Money value={p.wholesale} /></td>
              <td className="py-2 text-right"><Money value={p.retail} /></td>
              <td className={`py-2 text-right ${p.margin < 0n ? 'text-red-700' : ''}`}><Money value={p.margin} /></td>
            </tr>
          ))}
        </PlainTable>
      </Card>
      {user.role !== 'member' ? (
        <Card title="Set a retail price" className="mt-6" description="A price below your wholesale price loses money on every sale, so it needs your confirmation.">
          <ActionForm action={setRetailPriceAction} className="space-y-3">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionSelectField label="Product" name="product" options={prices.map((p) => ({ value: p.product, label: `${p.name} (per ${p.per})` }))} />
              <ActionTextField label="Retail price (₹)" name="amount" inputMode="decimal" required fieldClassName="sm:w-40" />
            </div>
            <ConfirmBelowWholesale />
            <SubmitButton>Save price</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
