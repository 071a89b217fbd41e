import Link from 'next/link';
import { ActionForm } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Time } from '@/components/console/time';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import type { ClientNumber } from '@/lib/numbers/client-numbers';
import { numberTypeLabels } from '@/lib/numbers/number-types';
import { NumberOpenState, NumberStatusBadge } from './number-status';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Numbers with their status and hours, and release / recall / masking for those who may (the portal shows them without). */
export function NumbersTable({ numbers, clientNames, canManage, releaseAction, recallAction, maskingAction, hrefBase = '/numbers' }: { numbers: ClientNumber[]; clientNames?: Map<string, string>; canManage: boolean; releaseAction?: Action; recallAction?: Action; maskingAction?: Action; hrefBase?: string }) {
  if (!numbers.length) return <p className="text-sm text-slate-600">No numbers yet.</p>;
  return (
    <PlainTable caption="Numbers" columns={[{ label: 'Number' }, ...(clientNames ? [{ label: 'Client' }] : []), { label: 'Type' }, { label: 'Status' }, { label: 'Hours' }, { label: '' }]}>
      {numbers.map((n) => (
        <tr key={n.id} className="border-b border-slate-100 align-top" data-testid="number-row">
          <td className="py-2 font-medium">
            {n.status === 'quarantined' ? n.display : <Link href={`${hrefBase}/${encodeURIComponent(n.id)}`} className="underline-offset-2 hover:underline">{n.display}</Link>}
            <div className="text-xs text-slate-500">{n.regionName}</div>
          </td>
          {clientNames ? <td className="py-2">{clientNames.get(n.clientId) ?? n.clientId}</td> : null}
          <td className="py-2">{numberTypeLabels[n.type]}</td>
          <td className="py-2">
            <NumberStatusBadge status={n.status} />
            {n.masking ? <div className="text-xs text-slate-600">in the masking pool</div> : null}
            {n.status === 'quarantined' && n.reusableAfter ? <div className="text-xs text-slate-600">reusable after <Time value={n.reusableAfter} /></div> : null}
            {n.graceEndsAt && n.status === 'active' ? <div className="text-xs text-red-700">rental unpaid; suspended after <Time value={n.graceEndsAt} /></div> : null}
          </td>
          <td className="py-2">
            <NumberOpenState number={n} />
          </td>
          <td className="py-2 text-right">
            {canManage && maskingAction && n.status === 'active' && !n.masking ? (
              <ActionForm action={maskingAction} className="inline">
                <input type="hidden" name="number" value={n.id} />
                <input type="hidden" name="masking" value="true" />
                <SubmitButton size="sm" variant="ghost" aria-label={`Use ${n.display} for masking`}>
                  Use for masking
                </SubmitButton>
              </ActionForm>
            ) : null}
            {canManage && releaseAction && n.status === 'active' ? (
              <ConfirmAction action={releaseAction} fields={{ number: n.id }} triggerLabel="Release" triggerVariant="ghost" triggerSize="sm" tone="danger" title={`Release ${n.display}?`} description="It goes into quarantine; the same client may recall it until its reusable-after date." confirmLabel="Release" />
            ) : null}
            {canManage && recallAction && n.status === 'quarantined' ? (
              <ConfirmAction action={recallAction} fields={{ number: n.id, clientId: n.clientId }} triggerLabel="Recall" triggerVariant="ghost" triggerSize="sm" title={`Recall ${n.display}?`} description="It goes back to the client that released it, with its rental continuing." confirmLabel="Recall" />
            ) : null}
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}
