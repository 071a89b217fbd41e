'use client';

import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The clients to choose from; with one fixed client (its page), a hidden field instead. */
  clients: { id: string; name: string }[] | { fixed: string };
};

/** Links a Cloud API number: Meta verifies the pair before anything is saved, and errors show beside their field. */
export function LinkNumberForm({ action, clients }: Props) {
  return (
    <ActionForm action={action} className="grid gap-4 sm:grid-cols-2">
      {'fixed' in clients ? (
        <input type="hidden" name="client_id" value={clients.fixed} />
      ) : (
        <ActionSelectField label="Client" name="client_id" required options={[{ value: '', label: 'Choose a client' }, ...clients.map((client) => ({ value: client.id, label: client.name }))]} className="sm:col-span-2" />
      )}
      <ActionTextField label="Phone number id" name="phone_number_id" required inputMode="numeric" autoComplete="off" hint="WhatsApp Manager → Phone numbers → Phone number ID (digits, not the phone number)." />
      <ActionTextField label="Access token" name="access_token" type="password" required autoComplete="off" hint="A system-user token with whatsapp_business_management and whatsapp_business_messaging. Stored encrypted; never shown again." />
      <ActionTextField label="Display number" name="display_number" autoComplete="off" hint="Optional: Meta’s own wins, and a difference is shown." />
      <ActionTextField label="Verified name" name="verified_name" autoComplete="off" hint="Optional: Meta’s own wins, and a difference is shown." />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Verifying with Meta…">Verify and link</SubmitButton>
      </div>
    </ActionForm>
  );
}
