import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { flows, voiceBots } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { updateFlow } from '@/lib/flows/manage-flows';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { dryRunInstall, installTemplate } from '../install';
import { createTemplate, publishTemplateVersion, saveClientAsTemplate } from '../templates';

// Bot addresses answered without the network (example.com's documented public address).
const resolve = async () => [{ address: '93.184.215.14', family: 4 }];

// The flow comes first on purpose: an install still makes the seat and the bot it names before it.
const items = [
  { kind: 'call_flow', data: { name: 'Front desk', agentExtension: '3001', transferTo: '9876543210', botName: 'Desk bot' } },
  { kind: 'agent_placeholder', data: { name: 'Reception', extension: '3001' } },
  { kind: 'voice_bot', data: { name: 'Desk bot', purpose: 'Greets callers', wssUrl: 'wss://bots.example.com/stream', apiUrl: null } },
];

async function setup() {
  const partner = await makePartner('tflow');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: uniqueEmail('c'), status: 'active' });
  const template = await createTemplate(ctx, { name: 'Desk', items: [{ kind: 'client_settings', data: { extensionRange: { first: 3001, last: 3099 } } }, ...items] });
  await publishTemplateVersion(ctx, template.id);
  return { ctx, client, template };
}

const install = (ctx: Awaited<ReturnType<typeof setup>>['ctx'], clientId: string, templateId: string, choices: Record<string, string> = {}) =>
  installTemplate(ctx, clientId, { template_id: templateId, choices: { 'client_settings:settings': 'overwrite', ...choices } }, { resolve });

describe('call flow items', () => {
  it('installs a flow wired to the template’s own seat and bot, once however often it is installed', async () => {
    const { ctx, client, template } = await setup();
    expect((await dryRunInstall(ctx, client.id, { template_id: template.id })).items.map((item) => item.kind)).toEqual(['client_settings', 'agent_placeholder', 'voice_bot', 'call_flow']);
    expect((await install(ctx, client.id, template.id)).status).toBe('applied');
    const [bot] = await getDb().select().from(voiceBots).where(eq(voiceBots.clientId, client.id));
    const installed = await getDb().select().from(flows).where(eq(flows.clientId, client.id));
    expect(installed.map((flow) => [flow.name, flow.agentExtension, flow.transferTo, flow.botId])).toEqual([['Front desk', '3001', '+919876543210', bot!.id]]);

    const again = await installTemplate(ctx, client.id, { template_id: template.id }, { resolve });
    expect(again.replayed).toBe(true);
    expect(await getDb().select().from(flows).where(eq(flows.clientId, client.id))).toHaveLength(1);
  });

  it('shows a flow edited in the client as diverged, and overwriting puts the template’s back', async () => {
    const { ctx, client, template } = await setup();
    await install(ctx, client.id, template.id);
    const [flow] = await getDb().select().from(flows).where(eq(flows.clientId, client.id));
    await updateFlow(ctx, flow!.id, { transferTo: '+919800000001' });
    const plan = await dryRunInstall(ctx, client.id, { template_id: template.id });
    const item = plan.items.find((candidate) => candidate.id === 'call_flow:front-desk')!;
    expect([item.status, item.defaultChoice, item.current?.transferTo]).toEqual(['diverged', 'keep', '+919800000001']);
    await install(ctx, client.id, template.id, { 'call_flow:front-desk': 'overwrite' });
    const [after] = await getDb().select().from(flows).where(eq(flows.id, flow!.id));
    expect(after!.transferTo).toBe('+919876543210');
  });

  it('refuses a flow whose recording the client lacks, beside its field, and leaves the client as it was', async () => {
    const { ctx, client } = await setup();
    const broken = await createTemplate(ctx, { name: 'Broken', items: [items[1]!, { kind: 'call_flow', data: { name: 'Welcome', agentExtension: '3001', welcomeRecordingName: 'Hello' } }] });
    await publishTemplateVersion(ctx, broken.id);
    const error = await installTemplate(ctx, client.id, { template_id: broken.id }, { resolve }).catch((e) => e);
    expect([error.code, error.fieldErrors]).toEqual(['validation_failed', { welcomeRecordingName: 'This client has no recording named “Hello”.' }]);
    expect(await getDb().select().from(flows).where(eq(flows.clientId, client.id))).toHaveLength(0);
  });

  it('refuses a bot flow without a transfer target when the template is saved', async () => {
    const { ctx } = await setup();
    const error = await createTemplate(ctx, { name: 'No fallback', items: [{ kind: 'call_flow', data: { name: 'Bot only', agentExtension: '3001', botName: 'Desk bot' } }] }).catch((e) => e);
    expect(error.fieldErrors).toEqual({ 'items.0.data.transferTo': 'A flow with a voice bot needs a transfer target for when the bot fails.' });
  });

  it('saves a client’s flows into a template that installs them into another client', async () => {
    const { ctx, client, template } = await setup();
    await install(ctx, client.id, template.id);
    const saved = await saveClientAsTemplate(ctx, { name: 'Copied', client_id: client.id });
    const other = await seedClient(ctx, { name: `Other ${unique()}`, email: uniqueEmail('o'), status: 'active' });
    const flowItem = (await dryRunInstall(ctx, other.id, { template_id: saved.id })).items.find((item) => item.kind === 'call_flow');
    expect(flowItem?.wanted).toEqual({ name: 'Front desk', agentExtension: '3001', transferTo: '+919876543210', botName: 'Desk bot', welcomeRecordingName: null });
    expect((await install(ctx, other.id, saved.id)).status).toBe('applied');
    expect((await getDb().select().from(flows).where(eq(flows.clientId, other.id))).map((flow) => flow.name)).toEqual(['Front desk']);
  });
});
