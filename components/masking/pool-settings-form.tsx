import { ActionCheckbox } from '@/components/console/action-checkbox';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import type { PoolSettings } from '@/lib/masking/pool-settings';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** One client's pool auto-buy: on or off, up to which size, and which numbers it buys. */
export function PoolSettingsForm({ clientId, clientName, settings, regions, types, action }: { clientId: string; clientName: string; settings: PoolSettings; regions: { value: string; label: string }[]; types: { value: string; label: string }[]; action: Action }) {
  return (
    <ActionForm action={action} className="space-y-3">
      <input type="hidden" name="clientId" value={clientId} />
      <ActionCheckbox name="autoBuy" defaultChecked={settings.autoBuy} ariaLabel={`Auto-buy for ${clientName}`} label="Buy numbers when the pool is exhausted (charged to the client’s wallet like any purchase)" />
      <div className="grid gap-3 sm:grid-cols-3">
        <ActionTextField label="Largest pool" name="maxPoolSize" defaultValue={String(settings.maxPoolSize)} inputMode="numeric" hint="Auto-buy stops here (1–100)." />
        <ActionSelectField label="Region" name="region" options={[{ value: '', label: 'Any region' }, ...regions]} defaultValue={settings.region ?? ''} />
        <ActionSelectField label="Type" name="type" options={types} defaultValue={settings.type} />
      </div>
      <SubmitButton size="sm">Save pool settings</SubmitButton>
    </ActionForm>
  );
}
