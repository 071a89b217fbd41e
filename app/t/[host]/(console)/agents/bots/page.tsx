import type { Metadata } from 'next';
import { BotTest } from '@/components/agents/bot-test';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { clientChoices } from '@/lib/agents/form-choices';
import { requireConsoleSession } from '@/lib/auth/session';
import { listVoiceBots } from '@/lib/bots/manage-bots';
import { createBotAction, deleteBotAction, replaceHeaderAction, testBotAction } from './actions';

export const metadata: Metadata = { title: 'Voice bots' };

export default async function VoiceBotsPage() {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const [bots, clients] = await Promise.all([listVoiceBots(dataCtx), clientChoices(dataCtx)]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const canManage = user.role !== 'member';
  return (
    <div className="space-y-6">
      <Card title="Voice bots" description="WebSocket bots your clients’ calls can be handed to. The auth header is stored encrypted and never shown again: replace it when it changes.">
        {bots.data.length === 0 ? (
          <p className="text-sm text-slate-600">No voice bots yet{environment === 'test' ? ' in test mode' : ''}.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {bots.data.map((bot) => (
              <li key={bot.id} className="grid gap-3 py-4 lg:grid-cols-[1fr_auto]">
                <div className="space-y-1 text-sm">
                  <p className="font-medium text-slate-900">
                    {bot.name} <span className="font-normal text-slate-600">· {clientNames.get(bot.clientId) ?? '—'} · {bot.purpose}</span>
                  </p>
                  <p className="font-mono text-xs break-all">{bot.wssUrl}</p>
                  {bot.apiUrl ? <p className="font-mono text-xs break-all text-slate-600">{bot.apiUrl}</p> : null}
                  <p className="text-xs text-slate-600">Auth header: {bot.authHeaderHint ?? 'none'}</p>
                  {canManage ? <BotTest botId={bot.id} action={testBotAction} /> : null}
                </div>
                {canManage ? (
                  <div className="space-y-3 lg:w-80">
                    <ActionForm action={replaceHeaderAction} className="flex items-end gap-2">
                      <input type="hidden" name="botId" value={bot.id} />
                      <ActionTextField label="Replace auth header" name="authHeader" autoComplete="off" placeholder="Authorization: Bearer …" fieldClassName="flex-1" hint="Empty removes it." />
                      <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">Save</SubmitButton>
                    </ActionForm>
                    <ConfirmAction action={deleteBotAction} fields={{ botId: bot.id }} triggerLabel="Delete bot" triggerVariant="ghost" triggerSize="sm" tone="danger" title={`Delete ${bot.name}?`} description="Its stored header goes with it." confirmLabel="Delete" />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && clients.length ? (
        <Card title="Add a voice bot" description={environment === 'test' ? 'In test mode the bot may be on your own machine (ws:// or a private address).' : 'In live mode the WebSocket must be wss:// and the API https://, on public addresses.'}>
          <ActionForm action={createBotAction} className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField label="Client" name="clientId" required options={clients.map((client) => ({ value: client.id, label: client.name }))} />
            <ActionTextField label="Name" name="name" required autoComplete="off" maxLength={100} />
            <ActionTextField label="Purpose" name="purpose" required autoComplete="off" maxLength={200} placeholder="Lead qualification" />
            <ActionTextField label="WebSocket URL" name="wssUrl" required autoComplete="off" placeholder="wss://bots.example.com/stream" inputMode="url" />
            <ActionTextField label="API URL" name="apiUrl" autoComplete="off" placeholder="https://bots.example.com/api" inputMode="url" hint="Optional." />
            <ActionTextField label="Auth header" name="authHeader" autoComplete="off" placeholder="Authorization: Bearer …" hint="Optional. One line, “Name: value”, sent when the socket opens; stored encrypted, never shown again." />
            <div className="col-span-full">
              <SubmitButton pendingLabel="Adding…">Add bot</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
