import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { unseal } from '@/lib/crypto/secret-box';
import { emitEvent } from '@/lib/events/emit-event';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, makeStaff } from '@/test/factories';
import { getDelivery, listDeliveries, resendDelivery } from './deliveries';
import { previousSecretValidityMs, revealWebhookSecret, rotateWebhookSecret, signingSecrets } from './endpoint-secrets';
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint } from './manage-endpoints';
import { sendTestEvent } from './send-test-event';
import type { Resolver } from './ssrf-guard';
import { allowsPrivateTargets } from './target-policy';

const publicDns: Resolver = async (hostname) => [{ address: hostname.startsWith('internal') ? '10.0.0.1' : '93.184.215.14', family: 4 }];
const hooks = { url: 'https://hooks.example.com/switchboard', eventTypes: ['client.activated'] };

async function setup() {
  const partner = await makePartner('whk');
  const [admin, member] = [await makeStaff(partner.id, 'admin'), await makeStaff(partner.id, 'member')];
  return { partner, admin: admin.ctx, member: member.ctx };
}

const create = (ctx: PartnerCtx, input: Record<string, unknown> = hooks) => createWebhookEndpoint(ctx, input, { resolve: publicDns });

async function emit(partnerId: string, type: 'client.activated' | 'client.created' = 'client.activated') {
  return getDb().transaction((tx) => emitEvent(tx, partnerId, type, { client: { id: 'cli_test' } }));
}

describe('webhook endpoints', () => {
  it('are created with a whsec_ secret shown once and stored sealed, never returned by reads', async () => {
    const { partner, admin } = await setup();
    const { endpoint, secret } = await create(admin, { ...hooks, description: '  Billing sync ', eventTypes: ['client.activated', 'client.activated'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,44}$/);
    expect(endpoint).toMatchObject({ url: hooks.url, description: 'Billing sync', eventTypes: ['client.activated'], status: 'enabled', disabledReason: null, failingSince: null });

    const [row] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.secretCiphertext).not.toContain(secret.slice(6));
    expect(unseal(row!.secretCiphertext)).toBe(secret);

    const read = await getWebhookEndpoint(admin, endpoint.id);
    expect(JSON.stringify(read)).not.toMatch(/whsec_|secretCiphertext|v1\./);
    expect((await listWebhookEndpoints(admin)).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect((await listPartnerAudit(admin, { targetId: endpoint.id })).map((e) => e.action)).toEqual(['webhook_endpoint.created']);
    expect(partner.kind).toBe('live');
  });

  it('validate the URL and event types', async () => {
    const { admin } = await setup();
    const fieldOf = async (input: Record<string, unknown>) => {
      try {
        await create(admin, input);
      } catch (error) {
        return (error as { code: string; fieldErrors?: Record<string, string> }).fieldErrors;
      }
      throw new Error('expected a validation error');
    };
    expect(await fieldOf({ url: 'hooks.example.com/x', eventTypes: ['*'] })).toHaveProperty('url');
    expect(await fieldOf({ url: 'ftp://hooks.example.com/x', eventTypes: ['*'] })).toHaveProperty('url');
    expect(await fieldOf({ url: 'https://user:pw@hooks.example.com/x', eventTypes: ['*'] })).toHaveProperty('url');
    // The URL parser would read each of these as https://x/: a host must be written.
    for (const url of ['https:///x', 'https:////x', 'https:x', 'https:/x', 'https:\\\\x', 'https://', 'https://@x/']) expect(await fieldOf({ url, eventTypes: ['*'] }), url).toHaveProperty('url');
    expect(await fieldOf({ url: `https://hooks.example.com/${'x'.repeat(2048)}`, eventTypes: ['*'] })).toEqual({ url: 'Use at most 2048 characters.' });
    expect(await fieldOf({ url: hooks.url, eventTypes: [] })).toHaveProperty('eventTypes');
    expect(await fieldOf({ url: hooks.url, eventTypes: ['client.exploded'] })).toEqual({ 'eventTypes.0': 'Unknown event type “client.exploded”.' });
    expect(await fieldOf({ url: 'http://hooks.example.com/x', eventTypes: ['*'] })).toEqual({ url: 'Use an https:// URL.' });
    expect((await create(admin, { url: hooks.url, eventTypes: ['client.created', '*'] })).endpoint.eventTypes).toEqual(['*']);
  });

  it('refuse private, loopback and metadata targets for a live partner, on create and on update', async () => {
    const { admin } = await setup();
    const { endpoint } = await create(admin);
    for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.1/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'https://internal.example.com/hook', 'https://localhost:8443/hook', 'https://[::127.0.0.1]/hook', 'https://[::a9fe:a9fe]/latest/meta-data', 'https://[64:ff9b::a9fe:a9fe]/', 'https://[2002:7f00:1::]/', 'https://[::ffff:7f00:1]/']) {
      await expect(create(admin, { url, eventTypes: ['*'] }), url).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { url: expect.stringMatching(/addresses cannot receive webhooks; use a public internet address\.$/) } });
      await expect(updateWebhookEndpoint(admin, endpoint.id, { url }, { resolve: publicDns }), url).rejects.toMatchObject({ code: 'validation_failed' });
    }
    expect((await getWebhookEndpoint(admin, endpoint.id)).url).toBe(hooks.url);
  });

  it('may target private addresses over http only with WEBHOOK_ALLOW_PRIVATE_TARGETS, and never for a live partner in production', () => {
    const flag = (on: boolean, env: 'development' | 'test' | 'production') => ({ WEBHOOK_ALLOW_PRIVATE_TARGETS: on, NODE_ENV: env });
    expect(allowsPrivateTargets('sandbox', flag(false, 'development'))).toBe(false);
    expect(allowsPrivateTargets('live', flag(false, 'development'))).toBe(false);
    expect(allowsPrivateTargets('sandbox', flag(true, 'production'))).toBe(true);
    expect(allowsPrivateTargets('live', flag(true, 'development'))).toBe(true);
    expect(allowsPrivateTargets('live', flag(true, 'production'))).toBe(false);
  });

  it('are read by members but changed only by admins (and API keys)', async () => {
    const { partner, admin, member } = await setup();
    const { endpoint } = await create(admin);
    expect((await getWebhookEndpoint(member, endpoint.id)).id).toBe(endpoint.id);
    expect((await listWebhookEndpoints(member)).data).toHaveLength(1);
    expect((await listDeliveries(member, endpoint.id)).data).toEqual([]);

    const forbidden = { code: 'forbidden', status: 403 };
    await expect(create(member)).rejects.toMatchObject(forbidden);
    await expect(updateWebhookEndpoint(member, endpoint.id, { description: 'x' })).rejects.toMatchObject(forbidden);
    await expect(deleteWebhookEndpoint(member, endpoint.id)).rejects.toMatchObject(forbidden);
    await expect(revealWebhookSecret(member, endpoint.id)).rejects.toMatchObject(forbidden);
    await expect(rotateWebhookSecret(member, endpoint.id)).rejects.toMatchObject(forbidden);
    await expect(sendTestEvent(member, endpoint.id)).rejects.toMatchObject(forbidden);

    const apiKey: PartnerCtx = { partnerId: partner.id, actor: { type: 'api_key', id: 'key_test', partnerId: partner.id } };
    expect((await updateWebhookEndpoint(apiKey, endpoint.id, { description: 'Set by a key' })).description).toBe('Set by a key');
  });

  it('are updated field by field; enabling again clears why and since when they were failing', async () => {
    const { admin } = await setup();
    const { endpoint } = await create(admin, { ...hooks, description: 'First' });
    const updated = await updateWebhookEndpoint(admin, endpoint.id, { eventTypes: ['*'], description: null, url: 'https://hooks2.example.com/x' }, { resolve: publicDns });
    expect(updated).toMatchObject({ eventTypes: ['*'], description: null, url: 'https://hooks2.example.com/x', status: 'enabled' });

    const disabled = await updateWebhookEndpoint(admin, endpoint.id, { status: 'disabled' });
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'Disabled by a team member.' });
    await getDb().update(webhookEndpoints).set({ disabledReason: 'The endpoint answered 410 Gone.', failingSince: new Date(Date.now() - 86_400_000) }).where(eq(webhookEndpoints.id, endpoint.id));

    const enabled = await updateWebhookEndpoint(admin, endpoint.id, { status: 'enabled' });
    expect(enabled).toMatchObject({ status: 'enabled', disabledReason: null, failingSince: null });
    const audit = await listPartnerAudit(admin, { targetId: endpoint.id });
    expect(audit.map((e) => e.action)).toEqual(['webhook_endpoint.updated', 'webhook_endpoint.updated', 'webhook_endpoint.updated', 'webhook_endpoint.created']);
    expect(audit[0]).toMatchObject({ before: { status: 'disabled' }, after: { status: 'enabled', disabledReason: null, failingSince: null } });
  });

  it('are deleted with their deliveries', async () => {
    const { partner, admin } = await setup();
    const { endpoint } = await create(admin);
    await emit(partner.id);
    expect(await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(1);
    expect(await deleteWebhookEndpoint(admin, endpoint.id)).toEqual({ id: endpoint.id });
    await expect(getWebhookEndpoint(admin, endpoint.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(0);
  });

  it('work the same inside a sandbox, with the sandbox’s own rows', async () => {
    const { partner, admin } = await setup();
    const sandboxId = await ensureSandbox(partner.id);
    const sandbox: PartnerCtx = { partnerId: sandboxId, actor: { type: 'api_key', id: 'key_test', partnerId: sandboxId } };
    const { endpoint } = await create(sandbox);
    expect((await listWebhookEndpoints(sandbox)).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect((await listWebhookEndpoints(admin)).data).toEqual([]);
  });
});

describe('webhook secrets', () => {
  it('can be revealed by an admin, with an audit entry', async () => {
    const { admin } = await setup();
    const { endpoint, secret } = await create(admin);
    expect(await revealWebhookSecret(admin, endpoint.id)).toBe(secret);
    expect((await listPartnerAudit(admin, { targetId: endpoint.id }))[0]!.action).toBe('webhook_endpoint.secret_revealed');
  });

  it('rotate: the new one is returned once, the old one keeps signing for 24 hours', async () => {
    const { admin } = await setup();
    const { endpoint, secret: first } = await create(admin);
    const before = Date.now();
    const { endpoint: rotated, secret: second } = await rotateWebhookSecret(admin, endpoint.id);
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    expect(await revealWebhookSecret(admin, endpoint.id)).toBe(second);
    expect(rotated.previousSecretExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + previousSecretValidityMs);
    expect(rotated.previousSecretExpiresAt!.getTime()).toBeLessThan(Date.now() + previousSecretValidityMs + 1000);

    const [row] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(signingSecrets(row!, new Date())).toEqual([second, first]);
    expect(signingSecrets(row!, new Date(Date.now() + 23 * 3_600_000))).toEqual([second, first]);
    expect(signingSecrets(row!, new Date(Date.now() + 25 * 3_600_000))).toEqual([second]);

    // Rotating again retires the oldest at once.
    const { secret: third } = await rotateWebhookSecret(admin, endpoint.id);
    const [again] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(signingSecrets(again!, new Date())).toEqual([third, second]);
  });
});

describe('test events and resends', () => {
  it('a test event goes to that endpoint alone, whatever it subscribes to', async () => {
    const { partner, admin } = await setup();
    const { endpoint: target } = await create(admin, { ...hooks, eventTypes: ['client.created'] });
    const { endpoint: other } = await create(admin, { ...hooks, eventTypes: ['*'] });
    const delivery = await sendTestEvent(admin, target.id);
    expect(delivery).toMatchObject({ endpointId: target.id, status: 'pending', attemptCount: 0, attempts: [], event: { type: 'webhook_endpoint.test', data: { webhook_endpoint: { id: target.id, url: hooks.url } } } });
    expect((await listDeliveries(admin, other.id)).data).toEqual([]);
    expect((await getDelivery(admin, delivery.id)).event.id).toBe(delivery.event.id);
    expect(partner.id).toBeTruthy();
  });

  it('a resend is a new pending delivery of the same event to the same endpoint', async () => {
    const { partner, admin } = await setup();
    const { endpoint } = await create(admin);
    const event = await emit(partner.id);
    const [original] = (await listDeliveries(admin, endpoint.id)).data;
    await getDb().update(webhookDeliveries).set({ status: 'failed', attemptCount: 10, completedAt: new Date() }).where(eq(webhookDeliveries.id, original!.id));

    const resent = await resendDelivery(admin, original!.id);
    expect(resent.id).not.toBe(original!.id);
    expect(resent).toMatchObject({ endpointId: endpoint.id, status: 'pending', attemptCount: 0, event: { id: event.id } });
    expect(resent.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await listDeliveries(admin, endpoint.id)).data.map((d) => d.id)).toEqual([resent.id, original!.id]);
    expect((await listDeliveries(admin, endpoint.id, { status: 'failed' })).data.map((d) => d.id)).toEqual([original!.id]);
  });

  it('neither goes to a disabled endpoint', async () => {
    const { partner, admin } = await setup();
    const { endpoint } = await create(admin);
    await emit(partner.id);
    const [original] = (await listDeliveries(admin, endpoint.id)).data;
    await updateWebhookEndpoint(admin, endpoint.id, { status: 'disabled' });
    await expect(sendTestEvent(admin, endpoint.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(resendDelivery(admin, original!.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
