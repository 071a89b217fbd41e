import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ShownOnce } from '@/components/console/shown-once';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import { apiKeyStatus } from '@/lib/api-keys/key-status';
import { ScopePicker } from '@/components/developers/scope-picker';

type Key = { id: string; name: string; mode: 'live' | 'test'; displayPrefix: string; scopes: string[]; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null };
type Action<Data = unknown> = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;

const statusTone: Record<ReturnType<typeof apiKeyStatus>, BadgeTone> = { active: 'success', expired: 'warning', revoked: 'neutral' };
/**
 * The partner's API keys, for the operator: create one on the partner's behalf (the secret is shown once) and
 * revoke any. Partners manage their own keys in their console; this is for support and onboarding.
 */
export function ApiKeysCard({ partnerId, keys, createAction, revokeAction }: { partnerId: string; keys: Key[]; createAction: Action<{ secret: string; label: string }>; revokeAction: Action }) {
  return (
    <Card title="API keys" description="Live keys act on the partner, test keys on its sandbox.">
      {keys.length ? (
        <ul className="mb-4 divide-y divide-slate-100 text-sm" aria-label="API keys">
          {keys.map((key) => {
            const status = apiKeyStatus(key);
            return (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {key.name} <Badge tone={key.mode === 'live' ? 'info' : 'neutral'}>{key.mode}</Badge> <Badge tone={statusTone[status]}>{status}</Badge>
                  </p>
                  <p className="font-mono text-xs text-slate-600">{key.displayPrefix}</p>
                  <p className="text-xs text-slate-600">
                    {key.scopes.join(', ')}
                    {key.expiresAt ? ` · expires ${key.expiresAt.toISOString()}` : ''}
                    {key.lastUsedAt ? ` · last used ${key.lastUsedAt.toISOString()}` : ''}
                  </p>
                </div>
                {status === 'revoked' ? null : (
                  <ConfirmAction action={revokeAction} fields={{ partnerId, apiKeyId: key.id }} triggerLabel={<>Revoke<span className="sr-only"> {key.name}</span></>} triggerSize="sm" tone="danger" title={`Revoke “${key.name}”?`} description="Requests with this key fail from now on. This cannot be undone." confirmLabel="Revoke" />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-600">No API keys yet.</p>
      )}
      {/* Ids of their own: the team card on the same page has a `name` field too. */}
      <ActionForm action={createAction} toastSuccess={false} className="space-y-3">
        <ShownOnce />
        <input type="hidden" name="partnerId" value={partnerId} />
        <ActionTextField label="Key name" name="name" id="api-key-name" required autoComplete="off" />
        <FormField label="Mode" name="mode" id="api-key-mode">
          {(control) => (
            <Select {...control} defaultValue="live">
              <option value="live">Live</option>
              <option value="test">Test (sandbox)</option>
            </Select>
          )}
        </FormField>
        <ScopePicker />
        <ActionTextField label="Expires (UTC, optional)" name="expiresAt" id="api-key-expires" type="datetime-local" step={1} />
        <SubmitButton>Create API key</SubmitButton>
      </ActionForm>
    </Card>
  );
}
