import type { Metadata } from 'next';
import { Money } from '@/components/billing/money';
import { ConfirmBelowWholesale } from '@/components/billing/confirm-below-wholesale';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listOffers, type ItemPrices } from '@/lib/workspaces/offers';
import { setOfferAction } from './actions';

export const metadata: Metadata = { title: 'Plans' };

const limitsText = (l: { bot_users: number; members: number; bots: number }) => [l.bot_users ? `${l.bot_users.toLocaleString('en-IN')} bot users` : null, l.members ? `${l.members} members` : null, l.bots ? `${l.bots} bots` : null].filter(Boolean).join(', ');

function PriceCells({ prices }: { prices: ItemPrices }) {
  return (
    <>
      {(['monthly', 'yearly'] as const).map((period) => (
        <td key={period} className="py-2 text-right text-sm">
          <Money value={prices[period].retail} />
          <span className="block text-xs text-slate-500">
            list <Money value={prices[period].list} /> · you pay <Money value={prices[period].wholesale} />
          </span>
        </td>
      ))}
    </>
  );
}

export default async function PlansPage() {
  const { ctx, user } = await requireConsoleSession();
  const offers = await listOffers(ctx);
  const columns = [{ label: 'Name' }, { label: 'Includes' }, { label: 'Monthly (retail)', align: 'right' as const }, { label: 'Yearly (retail)', align: 'right' as const }, { label: 'Offered' }];
  const items = [...offers.plans.map((o) => ({ ...o, kind: 'Plan' })), ...offers.addons.map((o) => ({ ...o, kind: 'Add-on' }))];
  return (
    <>
      <PageHeader title="Plans" description="The chat-bot product’s plans and add-ons: which you offer your clients and at what retail price. You pay the list price less your tier’s discount; the difference is your commission on every charge." />
      <Card title="Plans">
        <PlainTable caption="Plans with your prices" columns={columns}>
          {offers.plans.map((o) => (
            <tr key={o.item.id} className="border-b border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                {o.item.name} <span className="text-slate-500">({o.item.code})</span>
              </th>
              <td className="py-2 text-sm">{limitsText(o.item.limits)}</td>
              <PriceCells prices={o.prices} />
              <td className="py-2">{o.offered ? <Badge tone="success">offered</Badge> : <Badge>not offered</Badge>}</td>
            </tr>
          ))}
        </PlainTable>
      </Card>
      <Card title="Add-ons" className="mt-6" description="Prices per unit and billing period.">
        <PlainTable caption="Add-ons with your prices" columns={[{ label: 'Name' }, { label: 'Each adds' }, columns[2]!, columns[3]!, columns[4]!]}>
          {offers.addons.map((o) => (
            <tr key={o.item.id} className="border-b border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                {o.item.name} <span className="text-slate-500">({o.item.code})</span>
              </th>
              <td className="py-2 text-sm">{limitsText(o.item.adds)}</td>
              <PriceCells prices={o.prices} />
              <td className="py-2">{o.offered ? <Badge tone="success">offered</Badge> : <Badge>not offered</Badge>}</td>
            </tr>
          ))}
        </PlainTable>
      </Card>
      {user.role !== 'member' && items.length ? (
        <Card title="Offer a plan or add-on" className="mt-6" description="Leave a price empty for the list price. Unticking “Offer” stops new sales; workspaces on it keep it.">
          <ActionForm action={setOfferAction} className="space-y-3">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionSelectField label="Plan or add-on" name="itemId" options={items.filter((o) => !('isFree' in o.item && o.item.isFree)).map((o) => ({ value: o.item.id, label: `${o.kind}: ${o.item.name}` }))} />
              <ActionTextField label="Monthly retail (₹)" name="monthlyRetail" inputMode="decimal" fieldClassName="sm:w-40" />
              <ActionTextField label="Yearly retail (₹)" name="yearlyRetail" inputMode="decimal" fieldClassName="sm:w-40" />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="offered" value="on" defaultChecked /> Offer it to my clients
            </label>
            <ConfirmBelowWholesale />
            <SubmitButton>Save offer</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
