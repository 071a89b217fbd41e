import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Money } from '@/components/billing/money';
import { ClientTabs } from '@/components/clients/client-tabs';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { listWorkspaces, workspaceChargesOf } from '@/lib/workspaces/manage-workspaces';
import { listOffers } from '@/lib/workspaces/offers';
import type { WorkspaceView } from '@/lib/workspaces/workspace-view';
import { addAddonAction, autoRenewAction, changePlanAction, createWorkspaceAction, pauseAction, resumeAction, topUpPointsAction } from './actions';

export const metadata: Metadata = { title: 'Workspaces' };

const day = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });
const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
const statusTone = { active: 'success', paused: 'warning', cancelled: 'neutral' } as const;
const pauseText = { manual: 'paused by you', limit_exceeded: 'over its limits', renewal_unpaid: 'renewal unpaid' } as const;

type Props = { params: Promise<{ clientId: string }> };

export default async function ClientWorkspacesPage({ params }: Props) {
  const { clientId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [{ data: workspaces }, offers] = await Promise.all([listWorkspaces(dataCtx, { clientId: client.id, limit: 50 }), listOffers(dataCtx)]);
  const plans = offers.plans.filter((o) => o.offered);
  const addons = offers.addons.filter((o) => o.offered);
  const charges = new Map(await Promise.all(workspaces.map(async (ws) => [ws.id, (await workspaceChargesOf(dataCtx, ws.id)).slice(0, 5)] as const)));
  const canManage = user.role !== 'member';
  const planOptions = plans.map((o) => ({ value: o.item.code, label: `${o.item.name} — ${o.prices.monthly.retail ? `₹${Number(o.prices.monthly.retail) / 100}/month` : 'free'}` }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title={client.name} description={client.email} />
      <ClientTabs clientId={client.id} />
      {workspaces.length === 0 ? <p className="mb-6 text-sm text-slate-600">This client has no workspace yet.</p> : null}
      <div className="space-y-6">
        {workspaces.map((ws) => (
          <WorkspaceCard key={ws.id} ws={ws} charges={charges.get(ws.id) ?? []} canManage={canManage} planOptions={planOptions} addonOptions={addons.map((o) => ({ value: o.item.code, label: o.item.name }))} />
        ))}
      </div>
      {canManage ? (
        <Card title="New workspace" className="mt-6" description="A paid plan is charged at once for the rest of the current month (India time): retail from the client’s wallet, wholesale from your prepaid balance.">
          <ActionForm action={createWorkspaceAction} className="space-y-3">
            <input type="hidden" name="clientId" value={client.id} />
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionTextField label="Name" name="name" required fieldClassName="sm:w-56" />
              <ActionSelectField label="Plan" name="planId" options={planOptions} />
              <ActionSelectField label="Billing" name="billingPeriod" options={[{ value: 'monthly', label: 'Monthly' }, { value: 'yearly', label: 'Yearly' }]} />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="autoRenew" value="on" defaultChecked /> Renew automatically
            </label>
            <SubmitButton>Create workspace</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}

type Option = { value: string; label: string };

function WorkspaceCard({ ws, charges, canManage, planOptions, addonOptions }: { ws: WorkspaceView; charges: Awaited<ReturnType<typeof workspaceChargesOf>>; canManage: boolean; planOptions: Option[]; addonOptions: Option[] }) {
  const open = ws.status !== 'cancelled';
  return (
    <Card
      title={ws.name}
      actions={
        <span className="flex gap-2">
          <Badge tone={statusTone[ws.status]}>{ws.status}</Badge>
          {ws.pause_code ? <Badge tone="warning">{pauseText[ws.pause_code]}</Badge> : null}
        </span>
      }
    >
      <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="workspace-summary">
        <div>
          <dt className="text-slate-500">Plan</dt>
          <dd data-testid="workspace-plan">
            {ws.plan.name}
            {ws.pending_plan ? <span className="block text-xs text-slate-500">→ {ws.pending_plan.name} from {day.format(ws.pending_plan.effective_at)}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Period ({ws.billing_period})</dt>
          <dd>
            {day.format(ws.current_period.start)} – {day.format(new Date(ws.current_period.end.getTime() - 1))}
            <span className="block text-xs text-slate-500">{ws.auto_renew ? 'renews automatically' : 'auto-renew off'}</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Usage of limits</dt>
          <dd>
            {ws.usage.members}/{ws.limits.members} members · {ws.usage.bots}/{ws.limits.bots} bots · {ws.usage.bot_users.toLocaleString('en-IN')}/{ws.limits.bot_users.toLocaleString('en-IN')} bot users
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Points and add-ons</dt>
          <dd>
            {ws.points} points{ws.addons.length ? ` · ${ws.addons.map((a) => `${a.quantity} × ${a.name}${a.quantity_from_period_end !== null ? ` (${a.quantity_from_period_end} from period end)` : ''}`).join(', ')}` : ''}
          </dd>
        </div>
      </dl>
      {ws.pause_reason ? <p className="mt-2 text-sm text-amber-800">{ws.pause_reason}</p> : null}
      {charges.length ? (
        <table className="mt-4 w-full text-sm" data-testid="workspace-charges">
          <caption className="sr-only">Recent charges</caption>
          <thead>
            <tr className="text-left text-slate-500">
              <th className="font-normal">When</th>
              <th className="font-normal">What</th>
              <th className="text-right font-normal">Client paid</th>
              <th className="text-right font-normal">You paid</th>
              <th className="text-right font-normal">Commission</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td>{when.format(c.createdAt)}</td>
                <td>
                  {c.kind} · {c.period}
                </td>
                <td className="text-right"><Money value={c.retail} /></td>
                <td className="text-right"><Money value={c.wholesale} /></td>
                <td className="text-right"><Money value={c.retail - c.wholesale} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canManage && open ? (
        <div className="mt-4 grid gap-4 border-t border-slate-100 pt-4 lg:grid-cols-2">
          <ActionForm action={changePlanAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="workspaceId" value={ws.id} />
            <ActionSelectField label="Change plan" name="planId" options={planOptions} defaultValue={ws.plan.code} />
            <SubmitButton>Change plan</SubmitButton>
          </ActionForm>
          {addonOptions.length ? (
            <ActionForm action={addAddonAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <input type="hidden" name="workspaceId" value={ws.id} />
              <ActionSelectField label="Add-on" name="addonId" options={addonOptions} />
              <ActionTextField label="Units" name="quantity" inputMode="numeric" defaultValue="1" fieldClassName="sm:w-20" />
              <SubmitButton>Add</SubmitButton>
            </ActionForm>
          ) : null}
          <ActionForm action={topUpPointsAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="workspaceId" value={ws.id} />
            <input type="hidden" name="clientId" value={ws.client_id} />
            <ActionTextField label="Points from your pool" name="quantity" inputMode="numeric" fieldClassName="sm:w-32" />
            <SubmitButton>Top up</SubmitButton>
          </ActionForm>
          {ws.status === 'paused' && ws.pause_code === 'manual' ? (
            <ActionForm action={resumeAction}>
              <input type="hidden" name="workspaceId" value={ws.id} />
              <SubmitButton>Resume</SubmitButton>
            </ActionForm>
          ) : (
            <ActionForm action={pauseAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <input type="hidden" name="workspaceId" value={ws.id} />
              <ActionTextField label="Pause, because" name="reason" fieldClassName="sm:w-56" />
              <SubmitButton>Pause</SubmitButton>
            </ActionForm>
          )}
          <ActionForm action={autoRenewAction}>
            <input type="hidden" name="workspaceId" value={ws.id} />
            <input type="hidden" name="autoRenew" value={ws.auto_renew ? 'false' : 'true'} />
            <SubmitButton>{ws.auto_renew ? 'Turn auto-renew off' : 'Turn auto-renew on'}</SubmitButton>
          </ActionForm>
        </div>
      ) : null}
    </Card>
  );
}
