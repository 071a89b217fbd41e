import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatWhen, modeLabels, statusLabels } from '@/components/channels/channel-labels';
import { LiveConnect } from '@/components/channels/live-connect';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { AppError } from '@/lib/errors/app-error';
import { portalChannel } from '@/lib/portal/portal-services';
import { portalPairingCodeAction, portalSimulateScanAction } from './actions';

export const metadata: Metadata = { title: 'WhatsApp channel' };

/**
 * One of the client's channels: its days, and its phone, connected here by QR code (following the rotation
 * live) or pairing code while it is not. Another client's channel is the neutral 404.
 */
export default async function PortalChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { ctx } = await requirePortalSession();
  const { channelId } = await params;
  const channel = await portalChannel(ctx, channelId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <>
      <p className="text-sm">
        <Link href="/account/channels" className="text-slate-600 underline-offset-2 hover:underline">
          ← WhatsApp channels
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold" data-testid="portal-channel-title">
          {channel.name}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={statusLabels[channel.status]!.tone}>{statusLabels[channel.status]!.label}</Badge>
          <Badge tone={modeLabels[channel.mode]!.tone}>{modeLabels[channel.mode]!.label}</Badge>
          <span>
            <span data-testid="portal-days-left">{channel.days_left}</span> days left · active till {formatWhen(channel.active_till)}
          </span>
        </p>
      </div>
      <Card title="Phone" description="On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan the code.">
        {channel.status === 'deleted' ? <p className="text-sm text-slate-600">This channel was deleted.</p> : <LiveConnect streamUrl={`/account/channels/${channel.id}/live`} initial={channel} pairingAction={portalPairingCodeAction} simulateAction={channel.simulated ? portalSimulateScanAction : null} hiddenFields={{ channelId: channel.id }} />}
      </Card>
      {channel.trial_limits ? (
        <Card title="Trial limits" description="A trial channel runs with these limits until it goes live.">
          <ul className="text-sm text-slate-700">
            <li>{channel.trial_limits.messages_per_day} messages a day</li>
            <li>{channel.trial_limits.chats_per_month} chats a month</li>
            <li>{channel.trial_limits.api_calls_per_month} API calls a month</li>
          </ul>
        </Card>
      ) : null}
    </>
  );
}
