import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { paiseToDecimal } from '@/lib/ledger/format';
import { partnerBalancesOverview } from '@/lib/ledger/operator-views';
import { getPriceBook } from '@/lib/prices/price-book';
import { setListPriceAction, setOverrideAction, setTierDiscountAction } from '../actions';

export const metadata: Metadata = { title: 'Price book' };

export default async function PriceBookPage() {
  const { ctx } = await requireOperatorSession();
  const [book, partners] = await Promise.all([getPriceBook(ctx), partnerBalancesOverview(ctx)]);
  const productOptions = book.products.map((p) => ({ value: p.product, label: `${p.name} (per ${p.per})` }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/billing" className="text-slate-600 underline-offset-2 hover:underline">← Billing</Link>
      </p>
      <PageHeader title="Price book" description="List prices, the discount each tier gets off them, and negotiated wholesale prices per partner." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="List prices">
          <table className="mb-4 w-full text-sm">
            <caption className="sr-only">List prices</caption>
            <tbody>
              {book.products.map((p) => (
                <tr key={p.product} className="border-b border-slate-100">
                  <th scope="row" className="py-1.5 text-left font-normal">{p.name} <span className="text-slate-500">per {p.per}</span></th>
                  <td className="py-1.5 text-right"><Money value={p.list} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <ActionForm action={setListPriceAction} className="space-y-3">
            <ActionSelectField label="Product" name="product" options={productOptions} />
            <ActionTextField label="List price (₹)" name="amount" inputMode="decimal" required />
            <SubmitButton>Save list price</SubmitButton>
          </ActionForm>
        </Card>
        <div className="space-y-6">
          <Card title="Tier discounts" description="Wholesale = list less the tier’s discount, unless a partner has its own price.">
            <ul className="mb-4 space-y-1 text-sm">
              {book.tiers.map((t) => (
                <li key={t.tier} data-testid={`discount-${t.tier}`}>
                  {t.tier}: {t.discountBps / 100} %
                </li>
              ))}
            </ul>
            <ActionForm action={setTierDiscountAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionSelectField label="Tier" name="tier" options={book.tiers.map((t) => ({ value: t.tier, label: t.tier }))} />
              <ActionTextField label="Discount (%)" name="percent" inputMode="decimal" required fieldClassName="sm:w-28" defaultValue={String((book.tiers[0]?.discountBps ?? 0) / 100)} />
              <SubmitButton>Save</SubmitButton>
            </ActionForm>
          </Card>
          <Card title="Partner price" description="A wholesale price for one partner and product; empty removes it.">
            <ActionForm action={setOverrideAction} className="space-y-3">
              <ActionSelectField label="Partner" name="partnerId" options={partners.map((p) => ({ value: p.partnerId, label: `${p.name} (${p.tier})` }))} />
              <ActionSelectField label="Product" name="product" options={productOptions} />
              <ActionTextField label="Wholesale price (₹)" name="amount" inputMode="decimal" hint={`E.g. ${paiseToDecimal(book.products[0]?.list ?? 0n)}`} />
              <SubmitButton>Save partner price</SubmitButton>
            </ActionForm>
          </Card>
        </div>
      </div>
    </>
  );
}
