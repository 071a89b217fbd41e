import type { Metadata } from 'next';
import Link from 'next/link';
import { ConnectionBadge } from '@/components/channels/connection-badge';
import { formatWhen, modeLabels, statusLabels } from '@/components/channels/channel-labels';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { ShownOnceSecret } from '@/components/console/secret-box';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { channelClientChoices } from '@/lib/channels/client-choices';
import { getDayBalance } from '@/lib/channels/day-balance';
import { listChannels } from '@/lib/channels/manage-channels';
import { defaultTrialDays } from '@/lib/channels/schemas';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { trialLimits } from '@/lib/providers/whatsapp-gateway/gateway';
import { buyDaysAction, createChannelAction, setDaysThresholdAction } from './actions';

export const metadata: Metadata = { title: 'Channels' };

const pick = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, user } = await requireConsoleSession();
  const query = await searchParams;
  const status = pick(query.status);
  const mode = pick(query.mode);
  const [balance, list, clients] = await Promise.all([
    getDayBalance(dataCtx),
    listChannels(dataCtx, { ...parseCursorParams(query), limit: 25, status: status || undefined, mode: mode || undefined }),
    channelClientChoices(dataCtx),
  ]);
  const canManage = user.role !== 'member';
  const last = list.data.at(-1);

  return (
    <>
      <PageHeader title="Channels" description="WhatsApp phones your clients link by QR code or pairing code, from trial to live on days from your day balance." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Day balance">
          <p className="text-2xl font-semibold" data-testid="day-balance">
            <Money value={balance.balance} unit="days" />
          </p>
          <p className="text-sm text-slate-600">
            <Money value={balance.dayPrice} /> a day at wholesale. Bought {balance.bought}, in channels {balance.inChannels}, reclaimed so far {balance.reclaimed}.
          </p>
        </Card>
        {canManage ? (
          <>
            <Card title="Buy days" description="Paid from your prepaid balance at your wholesale day price.">
              <ActionForm action={buyDaysAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
                <ActionTextField label="Days" name="quantity" inputMode="numeric" required fieldClassName="sm:w-32" />
                <SubmitButton>Buy</SubmitButton>
              </ActionForm>
            </Card>
            <Card title="Low-days alert" description="The partner.days_low event and an e-mail, once each time the balance falls below this.">
              <ActionForm action={setDaysThresholdAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
                <ActionTextField label="Alert below (days)" name="threshold" inputMode="numeric" defaultValue={balance.threshold === null ? '' : String(balance.threshold)} hint="Empty switches it off." />
                <SubmitButton>Save</SubmitButton>
              </ActionForm>
            </Card>
          </>
        ) : null}
      </div>

      {canManage ? (
        <Card title="New channel" className="mt-6" description={`Starts in trial (up to ${trialLimits.messagesPerDay} messages a day, ${trialLimits.chatsPerMonth} chats and ${trialLimits.apiCallsPerMonth} API calls a month); allocating days makes it live.`}>
          {clients.length ? (
            <ActionForm action={createChannelAction} className="grid gap-3 sm:grid-cols-4 sm:items-end" toastSuccess={false}>
              <ActionSelectField label="Client" name="clientId" options={clients.map((c) => ({ value: c.id, label: c.name }))} required />
              <ActionTextField label="Name" name="name" required />
              <ActionTextField label="Trial days" name="trialDays" inputMode="numeric" defaultValue={String(defaultTrialDays)} />
              <SubmitButton>Create channel</SubmitButton>
              <div className="col-span-full">
                <ShownOnceSecret />
              </div>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-600">Add a client first: every channel belongs to one.</p>
          )}
        </Card>
      ) : null}

      <Card title="Your channels" className="mt-6">
        <form className="mb-4 flex flex-wrap gap-3 text-sm" method="get">
          <label className="flex items-center gap-2">
            Status
            <select name="status" defaultValue={status ?? ''} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="active">Running</option>
              <option value="stopped">Stopped</option>
              <option value="deleted">Deleted</option>
            </select>
          </label>
          <label className="flex items-center gap-2">
            Mode
            <select name="mode" defaultValue={mode ?? ''} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="trial">Trial</option>
              <option value="live">Live</option>
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1">
            Filter
          </button>
        </form>
        {list.data.length ? (
          <PlainTable caption="Your WhatsApp channels" columns={[{ label: 'Channel' }, { label: 'State' }, { label: 'Mode' }, { label: 'Phone' }, { label: 'Days left', align: 'right' }, { label: 'Active till' }]}>
            {list.data.map((channel) => (
              <tr key={channel.id} className="border-b border-slate-100" data-testid="channel-row" data-channel-id={channel.id}>
                <td className="py-2">
                  <Link href={`/channels/${channel.id}`} className="font-medium text-brand-link underline">
                    {channel.name}
                  </Link>
                </td>
                <td className="py-2">
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={statusLabels[channel.status]!.tone}>{statusLabels[channel.status]!.label}</Badge>
                    {channel.status === 'active' ? <ConnectionBadge connection={channel.connection} /> : null}
                  </div>
                </td>
                <td className="py-2">
                  <Badge tone={modeLabels[channel.mode]!.tone}>{modeLabels[channel.mode]!.label}</Badge>
                </td>
                <td className="py-2">{channel.phone ?? '—'}</td>
                <td className="py-2 text-right tabular-nums">{channel.days_left}</td>
                <td className="py-2">{formatWhen(channel.active_till)}</td>
              </tr>
            ))}
          </PlainTable>
        ) : (
          <p className="text-sm text-slate-600">No channels yet.</p>
        )}
        {list.has_more && last ? (
          <p className="mt-3 text-sm">
            <Link className="text-brand-link underline" href={`/channels?${new URLSearchParams({ ...(status ? { status } : {}), ...(mode ? { mode } : {}), starting_after: last.id })}`}>
              Older channels →
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
