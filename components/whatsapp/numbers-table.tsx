import Link from 'next/link';
import { ScheduleStatusBadge } from '@/components/schedules/schedule-status-badge';
import { PlainTable } from '@/components/ui/plain-table';
import type { NumberWithSchedule } from '@/lib/whatsapp/read-numbers';
import { HealthBadges, NumberStatusBadge, TokenExpiry } from './health-badges';

/** Linked numbers with their health, token expiry and whether they are inside working hours now. */
export function WhatsappNumbersTable({ items, clientNames, hrefBase = '/whatsapp/numbers' }: { items: NumberWithSchedule[]; clientNames?: Map<string, string>; hrefBase?: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No WhatsApp numbers linked yet.</p>;
  return (
    <div className="overflow-x-auto">
      <PlainTable caption="Linked WhatsApp numbers" columns={[{ label: 'Number' }, ...(clientNames ? [{ label: 'Client' }] : []), { label: 'Status' }, { label: 'Health' }, { label: 'Token' }, { label: 'Hours' }]}>
        {items.map(({ number, schedule, scheduleStatus }) => (
          <tr key={number.id} className="border-b border-slate-100 align-top">
            <td className="py-2 pr-3">
              <Link href={`${hrefBase}/${number.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {number.displayPhoneNumber}
              </Link>
              <div className="text-xs text-slate-600">{number.verifiedName}</div>
            </td>
            {clientNames ? (
              <td className="py-2 pr-3">
                <Link href={`/clients/${number.clientId}/whatsapp`} className="underline-offset-2 hover:underline">
                  {clientNames.get(number.clientId) ?? number.clientId}
                </Link>
              </td>
            ) : null}
            <td className="py-2 pr-3">
              <NumberStatusBadge number={number} />
            </td>
            <td className="py-2 pr-3">
              <HealthBadges number={number} />
            </td>
            <td className="py-2 pr-3">
              <TokenExpiry number={number} />
            </td>
            <td className="py-2">
              <ScheduleStatusBadge state={scheduleStatus} timezone={schedule?.timezone ?? null} />
            </td>
          </tr>
        ))}
      </PlainTable>
    </div>
  );
}
