import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';

/** The per-partner override of its tier's API rate limit; empty means the tier's limit. */
export function RateLimitCard({ partnerId, override, tierLimit, action }: { partnerId: string; override: number | null; tierLimit: number; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <Card title="API rate limit" description={override ? `${override.toLocaleString('en')} requests an hour (override; the tier allows ${tierLimit.toLocaleString('en')}).` : `${tierLimit.toLocaleString('en')} requests an hour, the tier default.`}>
      <ActionForm action={action} className="flex items-end gap-3">
        <input type="hidden" name="partnerId" value={partnerId} />
        <ActionTextField label="API rate limit override" name="rateLimitPerHour" type="number" min={1} inputMode="numeric" defaultValue={override ?? ''} hint="Requests an hour; empty for the tier default." fieldClassName="w-56" />
        <SubmitButton variant="secondary">Save limit</SubmitButton>
      </ActionForm>
    </Card>
  );
}
