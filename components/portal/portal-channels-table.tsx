import Link from 'next/link';
import { formatWhen, modeLabels, statusLabels } from '@/components/channels/channel-labels';
import { ConnectionBadge } from '@/components/channels/connection-badge';
import { Badge } from '@/components/ui/badge';
import { PlainTable } from '@/components/ui/plain-table';
import type { ChannelView } from '@/lib/channels/channel-view';

/** The client's own WhatsApp channels: the phone's state, trial or live, and the days left. */
export function PortalChannelsTable({ channels }: { channels: ChannelView[] }) {
  if (!channels.length) return <p className="text-sm text-slate-600">No WhatsApp channels yet.</p>;
  return (
    <div className="overflow-x-auto">
      <PlainTable caption="Your WhatsApp channels" columns={[{ label: 'Channel' }, { label: 'Phone' }, { label: 'Mode' }, { label: 'Days left', align: 'right' }, { label: 'Active till' }]}>
        {channels.map((channel) => (
          <tr key={channel.id} className="border-b border-slate-100 align-top" data-testid="portal-channel-row">
            <td className="py-2 pr-3">
              <Link href={`/account/channels/${channel.id}`} className="font-medium text-brand-link underline">
                {channel.name}
              </Link>
            </td>
            <td className="py-2 pr-3">
              {channel.status === 'active' ? <ConnectionBadge connection={channel.connection} /> : <Badge tone={statusLabels[channel.status]!.tone}>{statusLabels[channel.status]!.label}</Badge>}
              {channel.phone ? <div className="text-xs text-slate-600">{channel.phone}</div> : null}
            </td>
            <td className="py-2 pr-3">
              <Badge tone={modeLabels[channel.mode]!.tone}>{modeLabels[channel.mode]!.label}</Badge>
            </td>
            <td className="py-2 pr-3 text-right tabular-nums">{channel.days_left}</td>
            <td className="py-2">{formatWhen(channel.active_till)}</td>
          </tr>
        ))}
      </PlainTable>
    </div>
  );
}
