import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { gstStates, stateName } from '@/lib/invoices/gst';
import type { ClientBillingDetails } from '@/lib/invoices/tax-profiles';
import type { FormState } from '@/lib/actions/form-state';

const stateOptions = [{ value: '', label: 'Choose…' }, ...Object.entries(gstStates).map(([code, name]) => ({ value: code, label: `${name} (${code})` }))];

/** A client's billing details, printed as the recipient on its invoices; owners and admins edit them here. */
export function BillingDetailsCard({ clientId, details, canManage, action }: { clientId: string; details: ClientBillingDetails | null; canManage: boolean; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const description = 'Printed as the recipient on this client’s invoices. With a GSTIN, its state sets the place of supply; without one, the state chosen here does. Invoices go to the billing e-mail when there is one.';
  if (!canManage) {
    return (
      <Card title="Billing details" description={description}>
        {details ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Legal name</dt>
            <dd>{details.legalName}</dd>
            <dt className="text-slate-600">GSTIN</dt>
            <dd>{details.gstin ?? 'Unregistered'}</dd>
            <dt className="text-slate-600">Address</dt>
            <dd>{[details.address, stateName(details.stateCode), details.pin].filter(Boolean).join(', ')}</dd>
            <dt className="text-slate-600">Billing e-mail</dt>
            <dd>{details.email ?? 'The account e-mail'}</dd>
          </dl>
        ) : (
          <p className="text-sm text-slate-600">None recorded: invoices carry the client’s name and go to its account e-mail.</p>
        )}
      </Card>
    );
  }
  return (
    <Card title="Billing details" description={description}>
      <ActionForm action={action} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="clientId" value={clientId} />
        <ActionTextField label="Legal name" name="legalName" required defaultValue={details?.legalName ?? ''} />
        <ActionTextField label="GSTIN" name="gstin" defaultValue={details?.gstin ?? ''} hint="Optional; 15 characters, its first two digits the state." />
        <ActionTextField label="Address" name="address" required defaultValue={details?.address ?? ''} fieldClassName="sm:col-span-2" />
        <ActionSelectField label="State" name="stateCode" defaultValue={details?.stateCode ?? ''} options={stateOptions} />
        <ActionTextField label="PIN code" name="pin" inputMode="numeric" defaultValue={details?.pin ?? ''} />
        <ActionTextField label="Billing e-mail" name="billingEmail" type="email" defaultValue={details?.email ?? ''} hint="Optional; invoices go here instead of the account e-mail." fieldClassName="sm:col-span-2" />
        <div className="sm:col-span-2">
          <SubmitButton>Save billing details</SubmitButton>
        </div>
      </ActionForm>
    </Card>
  );
}
