import type { Metadata } from 'next';
import { getClient } from '@/lib/clients/manage-clients';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatWhen, modeLabels, statusLabels } from '@/components/channels/channel-labels';
import { LiveConnect } from '@/components/channels/live-connect';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ConfirmActionShowingSecret, ShownOnceSecret } from '@/components/console/secret-box';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listChannelWebhooks } from '@/lib/channels/channel-webhooks';
import { getChannel } from '@/lib/channels/manage-channels';
import { AppError } from '@/lib/errors/app-error';
import { addWebhookAction, connectLinkAction, deleteAction, extendAction, pairingCodeAction, reclaimAction, removeWebhookAction, rotateTokenAction, simulateScanAction } from './actions';

export const metadata: Metadata = { title: 'Channel' };

export default async function ChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { dataCtx, user } = await requireConsoleSession();
  const { channelId } = await params;
  const channel = await getChannel(dataCtx, channelId).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [webhooks, client] = await Promise.all([listChannelWebhooks(dataCtx, channel.id), getClient(dataCtx, channel.client_id)]);
  const canManage = user.role !== 'member';
  const fields = { channelId: channel.id };
  const open = channel.status !== 'deleted';

  return (
    <>
      <PageHeader
        title={channel.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={statusLabels[channel.status]!.tone}>
              <span data-testid="channel-status">{statusLabels[channel.status]!.label}</span>
            </Badge>
            <Badge tone={modeLabels[channel.mode]!.tone}>
              <span data-testid="channel-mode">{modeLabels[channel.mode]!.label}</span>
            </Badge>
            <span>
              Active till <span data-testid="active-till">{formatWhen(channel.active_till)}</span> · <span data-testid="days-left">{channel.days_left}</span> days left
            </span>
            <Link href="/channels" className="text-brand-link underline">
              All channels
            </Link>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Phone" description="Scan the QR code with WhatsApp on the phone, or use a pairing code.">
          {open ? <LiveConnect streamUrl={`/channels/${channel.id}/live`} initial={channel} pairingAction={pairingCodeAction} simulateAction={channel.simulated ? simulateScanAction : null} hiddenFields={fields} /> : <p className="text-sm text-slate-600">This channel was deleted.</p>}
        </Card>
        <Card title="Days">
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-600">Mode</dt>
            <dd>{channel.mode === 'trial' ? `Trial (${channel.trial_days} days)` : 'Live'}</dd>
            {channel.trial_limits ? (
              <>
                <dt className="text-slate-600">Trial limits</dt>
                <dd>
                  {channel.trial_limits.messages_per_day} messages a day, {channel.trial_limits.chats_per_month} chats and {channel.trial_limits.api_calls_per_month} API calls a month
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">Unused days</dt>
            <dd data-testid="unused-days">{channel.unused_days}</dd>
            <dt className="text-slate-600">Days held</dt>
            <dd>{channel.days_held}</dd>
            <dt className="text-slate-600">Reclaimed</dt>
            <dd>{channel.days_reclaimed}</dd>
            <dt className="text-slate-600">API token</dt>
            <dd className="font-mono">{channel.token_hint}</dd>
          </dl>
          {canManage && open ? (
            <div className="mt-4 space-y-4">
              <ActionForm action={extendAction} className="grid gap-3 sm:grid-cols-3 sm:items-end">
                <input type="hidden" name="channelId" value={channel.id} />
                <ActionTextField label="Allocate days" name="days" inputMode="numeric" required />
                <ActionTextField label="Comment" name="comment" required />
                <SubmitButton>{channel.mode === 'trial' ? 'Go live' : channel.status === 'stopped' ? 'Extend and restart' : 'Extend'}</SubmitButton>
              </ActionForm>
              {channel.mode === 'live' && channel.status === 'active' ? (
                <ActionForm action={reclaimAction} className="grid gap-3 sm:grid-cols-3 sm:items-end">
                  <input type="hidden" name="channelId" value={channel.id} />
                  <ActionTextField label="Keep unused days" name="keepDays" inputMode="numeric" defaultValue="0" required />
                  <ActionTextField label="Comment" name="comment" required />
                  <SubmitButton variant="secondary">Reclaim the rest</SubmitButton>
                </ActionForm>
              ) : null}
              <div className="flex flex-wrap gap-3">
                <ConfirmActionShowingSecret action={rotateTokenAction} fields={fields} triggerLabel="New API token" triggerVariant="secondary" title="Make a new API token?" description="The current token stops working at once." confirmLabel="Make new token" />
                <ConfirmAction action={deleteAction} fields={fields} triggerLabel="Delete channel" tone="danger" title={`Delete ${channel.name}?`} description={`Its ${channel.unused_days} unused days go back to your day balance; the phone is disconnected.`} confirmLabel="Delete">
                  <ActionTextField label="Comment" name="comment" required />
                </ConfirmAction>
              </div>
            </div>
          ) : null}
        </Card>
        {open ? (
          <Card title="Connect link" description="A page on your own domain, in your brand, where your client connects the phone themselves.">
            <ActionForm action={connectLinkAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" toastSuccess={false}>
              <input type="hidden" name="channelId" value={channel.id} />
              <ActionTextField label="Valid for (hours)" name="expiresInHours" inputMode="numeric" defaultValue="72" fieldClassName="sm:w-40" />
              <ActionTextField label="E-mail it to" name="sendTo" type="email" defaultValue={client.email} hint="Leave empty to only make the link." fieldClassName="sm:w-72" />
              <SubmitButton>Make link</SubmitButton>
              <div className="sm:basis-full">
                <ShownOnceSecret />
              </div>
            </ActionForm>
          </Card>
        ) : null}
        <Card title="Webhook URLs" description="This channel’s events, signed like your other webhooks, to up to 3 URLs of its own.">
          {webhooks.length ? (
            <PlainTable caption="The channel’s webhook URLs" columns={[{ label: 'URL' }, { label: 'Status' }, { label: '' }]}>
              {webhooks.map((hook) => (
                <tr key={hook.id} className="border-b border-slate-100">
                  <td className="py-2 break-all">{hook.url}</td>
                  <td className="py-2">{hook.status}</td>
                  <td className="py-2 text-right">
                    {canManage ? <ConfirmAction action={removeWebhookAction} fields={{ ...fields, endpointId: hook.id }} triggerLabel="Remove" triggerVariant="secondary" triggerSize="sm" tone="danger" title="Remove this webhook URL?" confirmLabel="Remove" /> : null}
                  </td>
                </tr>
              ))}
            </PlainTable>
          ) : (
            <p className="text-sm text-slate-600">None yet.</p>
          )}
          {canManage && open ? (
            <ActionForm action={addWebhookAction} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" toastSuccess={false}>
              <input type="hidden" name="channelId" value={channel.id} />
              <ActionTextField label="URL" name="url" inputMode="url" required />
              <SubmitButton>Add</SubmitButton>
              <div className="sm:basis-full">
                <ShownOnceSecret />
              </div>
            </ActionForm>
          ) : null}
        </Card>
      </div>
    </>
  );
}
