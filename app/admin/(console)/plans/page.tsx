import type { Metadata } from 'next';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { listCatalogue } from '@/lib/workspaces/catalogue';
import { saveAddonAction, savePlanAction } from './actions';

export const metadata: Metadata = { title: 'Plans and add-ons' };

const limitsText = (l: { bot_users: number; members: number; bots: number }) => `${l.bot_users.toLocaleString('en-IN')} bot users, ${l.members} members, ${l.bots} bots`;

function CountFields({ legend }: { legend: string }) {
  return (
    <fieldset className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <ActionTextField label="Bot users" name="limits.bot_users" inputMode="numeric" required fieldClassName="sm:w-32" />
      <ActionTextField label="Members" name="limits.members" inputMode="numeric" required fieldClassName="sm:w-28" />
      <ActionTextField label="Bots" name="limits.bots" inputMode="numeric" required fieldClassName="sm:w-28" />
    </fieldset>
  );
}

function CommonFields() {
  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <ActionTextField label="Code" name="code" required hint="Saving an existing code changes that item." fieldClassName="sm:w-40" />
        <ActionTextField label="Name" name="name" required fieldClassName="sm:w-48" />
        <ActionTextField label="Description" name="description" fieldClassName="sm:w-72" />
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <ActionTextField label="Monthly list price (₹)" name="monthlyList" inputMode="decimal" required fieldClassName="sm:w-44" />
        <ActionTextField label="Yearly list price (₹)" name="yearlyList" inputMode="decimal" required fieldClassName="sm:w-44" />
      </div>
    </>
  );
}

export default async function OperatorPlansPage() {
  const { ctx } = await requireOperatorSession();
  const { plans, addons } = await listCatalogue(ctx);
  return (
    <>
      <PageHeader title="Plans and add-ons" description="The chat-bot product’s plans (with their limits) and add-ons, at list price per billing period. Partners pay list less their tier’s discount and choose which they offer and at what retail price." />
      <Card title="Plans">
        <PlainTable caption="Plans" columns={[{ label: 'Plan' }, { label: 'Rank', align: 'right' }, { label: 'Limits' }, { label: 'Monthly', align: 'right' }, { label: 'Yearly', align: 'right' }, { label: 'Status' }]}>
          {plans.map((p) => (
            <tr key={p.id} className="border-b border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                {p.name} <span className="text-slate-500">({p.code})</span>
              </th>
              <td className="py-2 text-right">{p.rank}</td>
              <td className="py-2 text-sm">{limitsText(p.limits)}</td>
              <td className="py-2 text-right"><Money value={p.monthlyList} /></td>
              <td className="py-2 text-right"><Money value={p.yearlyList} /></td>
              <td className="py-2">{p.isFree ? <Badge tone="info">free plan</Badge> : p.active ? <Badge tone="success">active</Badge> : <Badge>retired</Badge>}</td>
            </tr>
          ))}
        </PlainTable>
      </Card>
      <Card title="Add-ons" className="mt-6">
        <PlainTable caption="Add-ons" columns={[{ label: 'Add-on' }, { label: 'Each adds' }, { label: 'Monthly', align: 'right' }, { label: 'Yearly', align: 'right' }, { label: 'Status' }]}>
          {addons.map((a) => (
            <tr key={a.id} className="border-b border-slate-100">
              <th scope="row" className="py-2 text-left font-normal">
                {a.name} <span className="text-slate-500">({a.code})</span>
              </th>
              <td className="py-2 text-sm">{limitsText(a.adds)}</td>
              <td className="py-2 text-right"><Money value={a.monthlyList} /></td>
              <td className="py-2 text-right"><Money value={a.yearlyList} /></td>
              <td className="py-2">{a.active ? <Badge tone="success">active</Badge> : <Badge>retired</Badge>}</td>
            </tr>
          ))}
        </PlainTable>
      </Card>
      <Card title="Save a plan" className="mt-6" description="A higher rank is a larger plan: moving to it is an upgrade, charged at once; moving down waits for the period’s end. There is one free plan, where workspaces fall when they are not renewed.">
        <ActionForm action={savePlanAction} className="space-y-3">
          <CommonFields />
          <CountFields legend="Limits" />
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <ActionTextField label="Rank" name="rank" inputMode="numeric" defaultValue="1" fieldClassName="sm:w-24" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isFree" value="on" /> The free plan
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="active" value="on" defaultChecked /> On sale
            </label>
          </div>
          <SubmitButton>Save plan</SubmitButton>
        </ActionForm>
      </Card>
      <Card title="Save an add-on" className="mt-6">
        <ActionForm action={saveAddonAction} className="space-y-3">
          <CommonFields />
          <CountFields legend="Each unit adds" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" value="on" defaultChecked /> On sale
          </label>
          <SubmitButton>Save add-on</SubmitButton>
        </ActionForm>
      </Card>
    </>
  );
}
