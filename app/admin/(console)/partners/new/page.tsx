import type { Metadata } from 'next';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { tierLabels } from '@/lib/partners/schemas';
import { createPartnerAction } from '../actions';

export const metadata: Metadata = { title: 'New partner' };

export default async function NewPartnerPage() {
  await requireOperatorSession();
  return (
    <>
      <PageHeader title="New partner" />
      <Card>
        <ActionForm action={createPartnerAction} className="max-w-lg space-y-4">
          <ActionTextField label="Name" name="name" required placeholder="Acme Telecom" />
          <ActionTextField label="Slug" name="slug" required placeholder="acme" hint={`Their console address becomes <slug>.${getConfig().PLATFORM_DOMAIN}. Lower-case letters, digits and hyphens.`} />
          <FormField label="Tier" name="tier">
            {(control) => (
              <Select {...control} defaultValue="standard">
                {Object.entries(tierLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </Select>
            )}
          </FormField>
          <SubmitButton>Create partner</SubmitButton>
        </ActionForm>
      </Card>
    </>
  );
}
