import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PlainTable } from '@/components/ui/plain-table';
import type { ChannelView } from '@/lib/channels/channel-view';
import { formatWhen, modeLabels, statusLabels } from './channel-labels';
import { ConnectionBadge } from './connection-badge';

/** A client's WhatsApp channels, for the WhatsApp tab of its page; each links to its own page. */
export function ClientChannelsCard({ channels, hasMore }: { channels: ChannelView[]; hasMore: boolean }) {
  return (
    <Card title="WhatsApp channels" description="Phones linked by QR code or pairing code." actions={<Link href="/channels" className="text-sm text-brand-link underline">New channel</Link>}>
      {channels.length ? (
        <PlainTable caption="The client’s WhatsApp channels" columns={[{ label: 'Channel' }, { label: 'State' }, { label: 'Mode' }, { label: 'Days left', align: 'right' }, { label: 'Active till' }]}>
          {channels.map((channel) => (
            <tr key={channel.id} className="border-b border-slate-100">
              <td className="py-2">
                <Link href={`/channels/${channel.id}`} className="font-medium text-brand-link underline">
                  {channel.name}
                </Link>
              </td>
              <td className="py-2">
                {channel.status === 'active' ? <ConnectionBadge connection={channel.connection} /> : <Badge tone={statusLabels[channel.status]!.tone}>{statusLabels[channel.status]!.label}</Badge>}
              </td>
              <td className="py-2">
                <Badge tone={modeLabels[channel.mode]!.tone}>{modeLabels[channel.mode]!.label}</Badge>
              </td>
              <td className="py-2 text-right tabular-nums">{channel.days_left}</td>
              <td className="py-2">{formatWhen(channel.active_till)}</td>
            </tr>
          ))}
        </PlainTable>
      ) : (
        <p className="text-sm text-slate-600">No channels for this client yet.</p>
      )}
      {hasMore ? <p className="mt-2 text-sm text-slate-600">Showing the newest 50; the Channels section lists them all.</p> : null}
    </Card>
  );
}
