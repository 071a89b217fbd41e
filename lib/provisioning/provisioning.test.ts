import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { agents, events, numbers, templateInstalls, voiceBots } from '@/db/schema';
import { updateAgent } from '@/lib/agents/manage-agents';
import { updateVoiceBot } from '@/lib/bots/manage-bots';
import { seedClient } from '@/lib/clients/seed-client';
import { unseal } from '@/lib/crypto/secret-box';
import { getNumberSchedule } from '@/lib/numbers/number-schedule';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, makeStaff, systemFor, unique, uniqueEmail } from '@/test/factories';
import { dryRunInstall, installTemplate } from './install';
import { listInstalls } from './history';
import { createTemplate, listTemplates, publishTemplateVersion, saveClientAsTemplate, setTemplatePublished, updateTemplate } from './templates';
import { upgradeClients } from './upgrade';

// Bot addresses answered without the network (example.com's documented public address).
const resolve = async () => [{ address: '93.184.215.14', family: 4 }];
const options = { resolve };

const hours = { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '09:00', end: '18:00' }], sat: [{ start: '10:00', end: '14:00' }] }, holidays: [{ name: 'Republic Day', start_date: '2027-01-26' }] };
const items = [
  { kind: 'client_settings', data: { extensionRange: { first: 3001, last: 3099 } } },
  { kind: 'agent_placeholder', data: { name: 'Sales 1', extension: '3001', permissionGroup: 'supervisor' } },
  { kind: 'agent_placeholder', data: { name: 'Sales 2', extension: '3002' } },
  { kind: 'voice_bot', data: { name: 'Order bot', purpose: 'Order status', wssUrl: 'wss://bots.example.com/stream', apiUrl: null } },
  { kind: 'number_schedule', data: hours },
];

async function setup(prefix = 'tpl') {
  const partner = await makePartner(prefix);
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: uniqueEmail('c'), status: 'active' });
  const digits = `80${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const [number] = await getDb()
    .insert(numbers)
    .values({ environment: 'live', carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'KA', type: 'local', status: 'assigned', partnerId: partner.id, clientId: client.id })
    .returning();
  const template = await createTemplate(ctx, { name: 'Clinic front desk', items });
  await publishTemplateVersion(ctx, template.id, { note: 'First' });
  return { partner, ctx, client, template, number: number! };
}

const statusOf = (plan: Awaited<ReturnType<typeof dryRunInstall>>) => Object.fromEntries(plan.items.map((item) => [item.id, item.status]));

describe('provisioning templates', () => {
  it('installs every item, then a dry run after an edit in the client shows that item as diverged', async () => {
    const { ctx, client, template, number } = await setup();
    const first = await dryRunInstall(ctx, client.id, { template_id: template.id });
    expect(new Set(Object.values(statusOf(first)))).toEqual(new Set(['new', 'changed'])); // the default extension range is the client's own
    const install = await installTemplate(ctx, client.id, { template_id: template.id, choices: { 'client_settings:settings': 'overwrite' }, secrets: { 'voice_bot:order-bot': 'Authorization: Bearer abc' } }, options);
    expect(install.status).toBe('applied');
    expect(install.items.every((item) => item.result === 'applied')).toBe(true);
    const seats = await getDb().select().from(agents).where(eq(agents.clientId, client.id));
    expect(seats.map((a) => [a.extension, a.permissionGroup]).sort()).toEqual([['3001', 'supervisor'], ['3002', 'agent']]);
    const [bot] = await getDb().select().from(voiceBots).where(eq(voiceBots.clientId, client.id));
    expect(unseal(bot!.authHeaderCiphertext!)).toBe('Authorization: Bearer abc');
    expect(JSON.stringify(install)).not.toContain('Bearer abc');
    expect((await getNumberSchedule(ctx, number.id)).schedule!.holidays.map((h) => h.name)).toEqual(['Republic Day']);

    expect(new Set(Object.values(statusOf(await dryRunInstall(ctx, client.id, { template_id: template.id }))))).toEqual(new Set(['unchanged']));
    await updateAgent(ctx, seats.find((a) => a.extension === '3002')!.id, { name: 'Meera (sales)' });
    const again = await dryRunInstall(ctx, client.id, { template_id: template.id });
    expect(statusOf(again)['agent_placeholder:3002']).toBe('diverged');
    expect(again.items.find((item) => item.id === 'agent_placeholder:3002')!.defaultChoice).toBe('keep');
    expect(statusOf(again)['agent_placeholder:3001']).toBe('unchanged');

    // Keeping the client's version: later dry runs show it as kept, not as a conflict again.
    const kept = await installTemplate(ctx, client.id, { template_id: template.id }, options);
    expect(kept.items.find((item) => item.key === '3002')!.result).toBe('kept');
    expect(statusOf(await dryRunInstall(ctx, client.id, { template_id: template.id }))['agent_placeholder:3002']).toBe('kept');
    const [emitted] = await getDb().select({ n: count() }).from(events).where(and(eq(events.partnerId, ctx.partnerId), eq(events.type, 'template.installed')));
    expect(emitted!.n).toBe(2);
  });

  it('leaves the client exactly as it was when an item fails midway, and records the failed attempt', async () => {
    const { ctx, client } = await setup();
    // The seats come first; the bot after them points at a private address, which a live partner may not use.
    const bad = await createTemplate(ctx, { name: 'Broken', items: [items[1]!, items[2]!, { kind: 'voice_bot', data: { name: 'Inside bot', purpose: 'x', wssUrl: 'wss://10.0.0.5/stream' } }] });
    await publishTemplateVersion(ctx, bad.id);
    const error = await installTemplate(ctx, client.id, { template_id: bad.id }, { resolve: async () => [{ address: '10.0.0.5', family: 4 }] }).catch((e) => e);
    expect(error.code).toBe('validation_failed');
    expect(await getDb().select().from(agents).where(eq(agents.clientId, client.id))).toHaveLength(0);
    expect(await getDb().select().from(voiceBots).where(eq(voiceBots.clientId, client.id))).toHaveLength(0);
    const history = (await listInstalls(ctx, { clientId: client.id })).data;
    expect(history).toHaveLength(1);
    expect(history[0]!.status).toBe('failed');
    expect(history[0]!.items.map((item) => item.result)).toEqual(['rolled_back', 'rolled_back', 'failed']);
    expect(statusOf(await dryRunInstall(ctx, client.id, { template_id: bad.id }))['agent_placeholder:3001']).toBe('new');
  });

  it('makes one install of two concurrent installs of one template into one client, and of a retried Idempotency-Key', async () => {
    const { ctx, client, template } = await setup();
    const [a, b] = await Promise.all([installTemplate(ctx, client.id, { template_id: template.id }, options), installTemplate(ctx, client.id, { template_id: template.id }, options)]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await getDb().select().from(agents).where(eq(agents.clientId, client.id))).toHaveLength(2);
    expect(await getDb().select().from(voiceBots).where(eq(voiceBots.clientId, client.id))).toHaveLength(1);

    const other = await seedClient(ctx, { name: 'Other', email: uniqueEmail('o'), status: 'active' });
    const [x, y] = await Promise.all([
      installTemplate(ctx, other.id, { template_id: template.id }, { ...options, idempotencyKey: 'k-1' }),
      installTemplate(ctx, other.id, { template_id: template.id }, { ...options, idempotencyKey: 'k-1' }),
    ]);
    expect(x.id).toBe(y.id);
    const retry = await installTemplate(ctx, other.id, { template_id: template.id }, { ...options, idempotencyKey: 'k-1' });
    expect(retry.id).toBe(x.id);
    const [installs] = await getDb().select({ n: count() }).from(templateInstalls).where(eq(templateInstalls.partnerId, ctx.partnerId));
    expect(installs!.n).toBe(2);
    expect(await installTemplate(ctx, client.id, { template_id: template.id }, { ...options, idempotencyKey: 'k-1' }).catch((e) => e.code)).toBe('conflict');
  });

  it('upgrades 50 clients to a new version and reports each, leaving an edited item to the client', async () => {
    const { ctx, client } = await setup();
    // Bots only: an agent seat costs a password hash each, which would make this test about hashing.
    const bot = { name: 'Order bot', purpose: 'Order status', wssUrl: 'wss://bots.example.com/stream', apiUrl: null };
    const small = await createTemplate(ctx, { name: 'Bots', items: [{ kind: 'voice_bot', data: bot }] });
    await publishTemplateVersion(ctx, small.id);
    const clients = [client, ...(await Promise.all(Array.from({ length: 49 }, (_, i) => seedClient(ctx, { name: `Client ${i}`, email: uniqueEmail(`u${i}`), status: 'active' }))))];
    for (const c of clients) await installTemplate(ctx, c.id, { template_id: small.id }, options);
    const [edited] = await getDb().select().from(voiceBots).where(eq(voiceBots.clientId, clients[7]!.id));
    await updateVoiceBot(ctx, edited!.id, { purpose: 'Their own wording' }, options);
    await updateTemplate(ctx, small.id, { items: [{ kind: 'voice_bot', data: { ...bot, purpose: 'Order status and returns' } }, { kind: 'voice_bot', data: { ...bot, name: 'Feedback bot', purpose: 'After-call survey' } }] });
    await publishTemplateVersion(ctx, small.id, { note: 'Returns, and a survey bot' });

    const dry = await upgradeClients(ctx, small.id, { dry_run: true });
    expect(dry.summary).toEqual({ would_upgrade: 50 });
    const started = Date.now();
    const report = await upgradeClients(ctx, small.id, {}, options);
    const elapsed = Date.now() - started;
    expect(report.results).toHaveLength(50);
    expect(report.summary).toEqual({ upgraded: 50 });
    expect(report.results.find((r) => r.clientId === clients[7]!.id)!.items).toEqual({ diverged: 1, new: 1 });
    expect(report.results.find((r) => r.clientId === clients[8]!.id)!.items).toEqual({ changed: 1, new: 1 });
    expect((await getDb().select().from(voiceBots).where(eq(voiceBots.id, edited!.id)))[0]!.purpose).toBe('Their own wording');
    const [bots] = await getDb().select({ n: count() }).from(voiceBots).where(eq(voiceBots.partnerId, ctx.partnerId));
    expect(bots!.n).toBe(100);
    expect((await upgradeClients(ctx, small.id, {}, options)).summary).toEqual({ up_to_date: 50 });
    expect(await upgradeClients(ctx, small.id, { client_ids: ['cli_01kaz3d4mqf2v8n6w0c1e5rj7t'] }).catch((e) => e.code)).toBe('not_found');
    const fresh = await seedClient(ctx, { name: 'Fresh', email: uniqueEmail('f'), status: 'active' });
    expect((await upgradeClients(ctx, small.id, { client_ids: [fresh.id] })).results[0]!.status).toBe('not_installed');
    console.info(`upgrade of 50 clients: ${elapsed} ms (${Math.round(elapsed / 50)} ms a client)`);
  }, 120_000);

  it('saves a client’s setup as a template that installs the same setup elsewhere, and hides other partners’ templates', async () => {
    const { ctx, client, template } = await setup();
    await installTemplate(ctx, client.id, { template_id: template.id, choices: { 'client_settings:settings': 'overwrite' } }, options);
    const saved = await saveClientAsTemplate(ctx, { name: 'From client', client_id: client.id });
    expect(saved.latestVersion).toBe(1);
    expect(saved.draft.map((item) => `${item.kind}:${item.key}`).sort()).toEqual(['agent_placeholder:3001', 'agent_placeholder:3002', 'client_settings:settings', 'number_schedule:all', 'voice_bot:order-bot']);
    const stranger = await makePartner('tpl-x');
    const strangerCtx = systemFor(stranger.id);
    expect(await dryRunInstall(strangerCtx, client.id, { template_id: template.id }).catch((e) => e.code)).toBe('not_found');
    const theirClient = await seedClient(strangerCtx, { name: 'Theirs', email: uniqueEmail('t'), status: 'active' });
    expect(await installTemplate(strangerCtx, theirClient.id, { template_id: template.id }).catch((e) => e.code)).toBe('not_found');
  });

  it('lets the operator publish a template to every partner, who install it but cannot edit it', async () => {
    const { ctx, template } = await setup();
    const other = await makePartner('tpl-o');
    const otherCtx = systemFor(other.id);
    expect((await listTemplates(otherCtx)).map((t) => t.id)).not.toContain(template.id);
    expect(await setTemplatePublished((await makeStaff(ctx.partnerId, 'owner')).ctx, template.id, true).catch((e) => e.code)).toBe('forbidden');
    await setTemplatePublished({ actor: { type: 'operator', id: 'opr_test' } }, template.id, true);
    const seen = (await listTemplates(otherCtx)).find((t) => t.id === template.id)!;
    expect(seen.own).toBe(false);
    const theirClient = await seedClient(otherCtx, { name: 'Theirs', email: uniqueEmail('t'), status: 'active' });
    const install = await installTemplate(otherCtx, theirClient.id, { template_id: template.id }, options);
    expect(install.status).toBe('applied');
    expect(await updateTemplate(otherCtx, template.id, { name: 'Mine now' }).catch((e) => e.code)).toBe('forbidden');
  });

  it('installs a live template into a sandbox client first, read-only there; the live partner never sees the sandbox’s templates', async () => {
    const { ctx, template } = await setup();
    const sandboxCtx = systemFor(await ensureSandbox(ctx.partnerId));
    const sandboxClient = await seedClient(sandboxCtx, { name: 'Sandbox client', email: uniqueEmail('s'), status: 'active' });
    expect((await listTemplates(sandboxCtx)).find((t) => t.id === template.id)!.source).toBe('live');
    const install = await installTemplate(sandboxCtx, sandboxClient.id, { template_id: template.id }, options);
    expect(install.clientId).toBe(sandboxClient.id);
    expect((await listInstalls(ctx, { templateId: template.id })).data).toHaveLength(0);
    expect(await updateTemplate(sandboxCtx, template.id, { name: 'From a test key' }).catch((e) => e.code)).toBe('forbidden');
    const trial = await createTemplate(sandboxCtx, { name: 'Sandbox only', items: [items[2]!] });
    expect(await dryRunInstall(ctx, sandboxClient.id, { template_id: trial.id }).catch((e) => e.code)).toBe('not_found');
    expect((await listTemplates(ctx)).map((t) => t.id)).not.toContain(trial.id);
  });

  it('refuses an item that does not fit its kind, beside its field', async () => {
    const { ctx } = await setup();
    const error = await createTemplate(ctx, { name: 'Bad', items: [{ kind: 'agent_placeholder', data: { name: 'x', extension: '0' } }] }).catch((e) => e);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fieldErrors)).toEqual(['items.0.data.extension']);
  });
});
