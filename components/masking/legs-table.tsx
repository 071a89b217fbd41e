import { Money } from '@/components/billing/money';
import { Time } from '@/components/console/time';
import { PlainTable } from '@/components/ui/plain-table';
import type { CallRecordView } from '@/lib/calls/call-record-view';
import { StatusBadge } from './session-status-badge';

/** Call legs with their duration, outcome and cost. */
export function LegsTable({ legs, caption }: { legs: CallRecordView[]; caption: string }) {
  if (!legs.length) return <p className="text-sm text-slate-600">No calls yet.</p>;
  return (
    <div className="overflow-x-auto">
      <PlainTable caption={caption} columns={[{ label: 'Started' }, { label: 'Leg' }, { label: 'From' }, { label: 'To' }, { label: 'Outcome' }, { label: 'Duration', align: 'right' }, { label: 'Cost', align: 'right' }, { label: 'Charge' }]}>
        {legs.map((leg) => (
          <tr key={leg.id} className="border-b border-slate-100">
            <td className="py-2"><Time value={leg.startedAt ?? leg.createdAt} withSeconds /></td>
            <td className="py-2">{leg.direction} <span className="text-slate-500">({leg.leg.replace('_', ' ')})</span></td>
            <td className="py-2 font-mono text-xs">{leg.from}</td>
            <td className="py-2 font-mono text-xs">{leg.to}</td>
            <td className="py-2">{leg.outcome ?? leg.status}</td>
            <td className="py-2 text-right">{leg.durationSeconds === null ? '—' : `${leg.durationSeconds} s`}</td>
            <td className="py-2 text-right">{leg.amount === null ? '—' : <Money value={leg.amount} />}</td>
            <td className="py-2"><StatusBadge status={leg.chargeStatus} />{leg.chargeError ? <span className="ml-1 text-xs text-red-700">{leg.chargeError}</span> : null}</td>
          </tr>
        ))}
      </PlainTable>
    </div>
  );
}
