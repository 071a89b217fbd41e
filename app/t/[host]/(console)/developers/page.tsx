import type { Metadata } from 'next';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ShownOnceSecret } from '@/components/console/secret-box';
import { apiKeyStatusTone, environmentTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { ScopePicker } from '@/components/developers/scope-picker';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { apiKeyStatus } from '@/lib/api-keys/key-status';
import { listApiKeys } from '@/lib/api-keys/manage-api-keys';
import { requireConsoleSession } from '@/lib/auth/session';
import { formatIst, suggestedAdvance, toIstLocalInput } from '@/lib/sandbox/clock-input';
import { maxAdvanceMonths, sandboxClockOf } from '@/lib/sandbox/test-clock';
import { advanceTestClockAction, createApiKeyAction, resetSandboxAction, revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

const modeOptions = [
  { value: 'live', label: 'Live — acts on live data (sk_live_…)' },
  { value: 'test', label: 'Test — acts on your sandbox (sk_test_…)' },
] as const;

export default async function ApiKeysPage() {
  // Keys of both modes are listed and managed together (each with its mode), whatever the switch says.
  const { ctx, user, environment } = await requireConsoleSession();
  const [keys, clock] = await Promise.all([listApiKeys(ctx), sandboxClockOf(ctx)]);
  const clockTime = clock?.time ?? new Date();
  const canManage = user.role !== 'member';
  return (
    <>
      <Card
        title="API keys"
        description={
          <>
            Send a key as <code>Authorization: Bearer sk_live_…</code> to <code>/api/v1</code>. Test keys reach your sandbox only.
          </>
        }
      >
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No API keys yet.</p>
        ) : (
          <div className="relative -mx-4 overflow-x-auto sm:-mx-6">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">API keys</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium sm:pl-6">Name</th>
                  <th scope="col" className="px-4 py-2 font-medium">Mode</th>
                  <th scope="col" className="px-4 py-2 font-medium">Key</th>
                  <th scope="col" className="px-4 py-2 font-medium">Scopes</th>
                  <th scope="col" className="px-4 py-2 font-medium">Created</th>
                  <th scope="col" className="px-4 py-2 font-medium">Last used</th>
                  <th scope="col" className="px-4 py-2 font-medium">Expires</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2 sm:pr-6"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((key) => {
                  const status = apiKeyStatus(key);
                  return (
                    <tr key={key.id} data-testid={`api-key-${key.id}`}>
                      <td className="px-4 py-2 font-medium sm:pl-6">{key.name}</td>
                      <td className="px-4 py-2"><Badge tone={environmentTone[key.mode]}>{key.mode}</Badge></td>
                      <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{key.displayPrefix}</td>
                      <td className="px-4 py-2">
                        <ul className="flex flex-wrap gap-1">
                          {key.scopes.map((scope) => (
                            <li key={scope}><code className="rounded bg-slate-100 px-1 py-0.5 text-xs">{scope}</code></li>
                          ))}
                        </ul>
                      </td>
                      <td className="px-4 py-2"><Time value={key.createdAt} /></td>
                      <td className="px-4 py-2"><Time value={key.lastUsedAt} empty="never" /></td>
                      <td className="px-4 py-2"><Time value={key.expiresAt} empty="never" /></td>
                      <td className="px-4 py-2"><Badge tone={apiKeyStatusTone[status]}>{status}</Badge></td>
                      <td className="px-4 py-2 text-right sm:pr-6">
                        {canManage && status !== 'revoked' ? (
                          <ConfirmAction
                            action={revokeApiKeyAction}
                            fields={{ apiKeyId: key.id }}
                            triggerLabel={<>Revoke<span className="sr-only"> {key.name}</span></>}
                            triggerSize="sm"
                            triggerVariant="ghost"
                            tone="danger"
                            title={`Revoke “${key.name}”?`}
                            description="Every request made with this key is refused from now on. This cannot be undone."
                            confirmLabel="Revoke key"
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {!canManage ? <p className="mt-4 text-sm text-slate-600">Only owners and admins can create or revoke keys.</p> : null}
      </Card>

      {canManage ? (
        <Card title="Create an API key" className="mt-6">
          <ActionForm action={createApiKeyAction} toastSuccess={false} className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2"><ShownOnceSecret /></div>
            <ActionTextField label="Name" name="name" required autoComplete="off" maxLength={80} hint="What uses it, e.g. “CRM sync”." />
            <ActionSelectField label="Mode" name="mode" options={modeOptions} defaultValue={environment} required />
            <div className="sm:col-span-2"><ScopePicker /></div>
            <ActionTextField label="Expires on" name="expiresAt" type="date" hint="Optional. The key stops working at the end of this day (UTC)." />
            <div className="sm:col-span-2"><SubmitButton pendingLabel="Creating…">Create key</SubmitButton></div>
          </ActionForm>
        </Card>
      ) : null}

      {canManage ? (
        <Card title="Sandbox" description="Start demos and integration tests from a known state." className="mt-6">
          <p className="mb-4 text-sm text-slate-600">
            Resetting empties your sandbox, its events and their webhook deliveries too (its API keys, webhook endpoints, settings and audit log stay) and fills it with sample data: two clients through KYC, a number each, agents and a voice bot, a WhatsApp channel, simulated calls and charges. Everything runs on simulators and the sandbox’s own balance; nothing reaches a real provider or your live data. Also <code>POST /api/v1/sandbox/reset</code>.
          </p>
          <ConfirmAction
            action={resetSandboxAction}
            fields={{}}
            triggerLabel="Reset sandbox with sample data"
            tone="danger"
            title="Reset the sandbox?"
            description="Every client, number, agent, channel, call and charge in your sandbox is deleted and replaced by sample data. Live data is not touched."
            confirmLabel="Reset sandbox"
          />
          <h3 className="mt-6 text-sm font-semibold text-slate-900">Test clock</h3>
          <p className="mt-1 text-sm text-slate-600">
            Move your sandbox forward in time to see what the worker does when periods end: workspaces renew, validity runs out, and each IST month that ends gets its invoices to your clients. Only forward, at most {maxAdvanceMonths} months at a time; a reset sets it back to real time. Also <code>POST /api/v1/sandbox/test_clock/advance</code>.
          </p>
          <p className="mt-2 text-sm text-slate-700">
            Sandbox time:{' '}
            <time dateTime={clockTime.toISOString()} data-testid="test-clock-time" className="font-medium tabular-nums">
              {formatIst(clockTime)} IST
            </time>{' '}
            {clock?.advanced ? <Badge tone="warning">Advanced</Badge> : <span className="text-slate-500">(real time)</span>}
          </p>
          <ActionForm action={advanceTestClockAction} className="mt-3 flex flex-wrap items-end gap-3">
            <ActionTextField label="Advance to (India time)" name="to" type="datetime-local" required defaultValue={toIstLocalInput(suggestedAdvance(clockTime))} hint="Suggested: just into next month, when this month’s invoices are made." />
            <SubmitButton pendingLabel="Advancing…">Advance test clock</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
