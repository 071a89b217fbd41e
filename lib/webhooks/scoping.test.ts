import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import type { PartnerCtx } from '@/lib/audit/context';
import { listAuditLog } from '@/lib/audit/list-audit';
import { emitEvent } from '@/lib/events/emit-event';
import { getEvent, listEvents } from '@/lib/events/list-events';
import { makePartner } from '@/test/factories';
import { getDelivery, listDeliveries, resendDelivery } from './deliveries';
import { revealWebhookSecret, rotateWebhookSecret } from './endpoint-secrets';
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint } from './manage-endpoints';
import { sendTestEvent } from './send-test-event';

const publicDns = async () => [{ address: '93.184.215.14', family: 4 }];
const keyCtx = (partnerId: string): PartnerCtx => ({ partnerId, actor: { type: 'api_key', id: `key_${partnerId}`, partnerId } });

/** A partner with an endpoint, an event and its delivery, acting through an API key. */
async function tenant() {
  const partner = await makePartner('whs');
  const ctx = keyCtx(partner.id);
  const { endpoint } = await createWebhookEndpoint(ctx, { url: 'https://hooks.example.com/x', eventTypes: ['*'] }, { resolve: publicDns });
  const event = await getDb().transaction((tx) => emitEvent(tx, partner.id, 'client.activated', { client: { id: 'cli_x' } }));
  const [delivery] = (await listDeliveries(ctx, endpoint.id)).data;
  return { partner, ctx, endpoint, event, delivery: delivery! };
}

describe('webhooks, events and the audit log across partners', () => {
  it('answer not found for another partner’s endpoint, delivery and event ids, and leave them alone', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const notFound = { code: 'not_found', status: 404 };
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['getWebhookEndpoint', () => getWebhookEndpoint(a.ctx, b.endpoint.id)],
      ['updateWebhookEndpoint', () => updateWebhookEndpoint(a.ctx, b.endpoint.id, { status: 'disabled' })],
      ['updateWebhookEndpoint url', () => updateWebhookEndpoint(a.ctx, b.endpoint.id, { url: 'https://evil.example.com/' }, { resolve: publicDns })],
      ['deleteWebhookEndpoint', () => deleteWebhookEndpoint(a.ctx, b.endpoint.id)],
      ['revealWebhookSecret', () => revealWebhookSecret(a.ctx, b.endpoint.id)],
      ['rotateWebhookSecret', () => rotateWebhookSecret(a.ctx, b.endpoint.id)],
      ['sendTestEvent', () => sendTestEvent(a.ctx, b.endpoint.id)],
      ['listDeliveries', () => listDeliveries(a.ctx, b.endpoint.id)],
      ['getDelivery', () => getDelivery(a.ctx, b.delivery.id)],
      ['resendDelivery', () => resendDelivery(a.ctx, b.delivery.id)],
      ['getEvent', () => getEvent(a.ctx, b.event.id)],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toMatchObject(notFound);

    expect(await getWebhookEndpoint(b.ctx, b.endpoint.id)).toMatchObject({ status: 'enabled', previousSecretExpiresAt: null });
    expect((await listDeliveries(b.ctx, b.endpoint.id)).data.map((d) => d.id)).toEqual([b.delivery.id]);
    expect((await listWebhookEndpoints(a.ctx)).data.map((e) => e.id)).toEqual([a.endpoint.id]);
    expect((await listEvents(a.ctx)).data.map((e) => e.id)).toEqual([a.event.id]);
    expect((await listAuditLog(a.ctx)).data.every((entry) => entry.targetId !== b.endpoint.id)).toBe(true);
    expect((await listAuditLog(a.ctx, { target_id: b.endpoint.id })).data).toEqual([]);
  });

  it('a context forged for another partner is refused', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const forged: PartnerCtx = { ...a.ctx, partnerId: b.partner.id };
    await expect(getWebhookEndpoint(forged, b.endpoint.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listEvents(forged)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAuditLog(forged)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('events', () => {
  it('list newest first, filter by type and paginate', async () => {
    const { ctx, partner, event: first } = await tenant();
    const more = [];
    for (const type of ['client.created', 'client.deactivated', 'client.created'] as const) more.push(await getDb().transaction((tx) => emitEvent(tx, partner.id, type, { n: more.length })));
    const all = await listEvents(ctx);
    expect(all.data.map((e) => e.id)).toEqual([more[2]!.id, more[1]!.id, more[0]!.id, first.id]);
    expect(all.data[0]).toMatchObject({ type: 'client.created', data: { n: 2 } });
    expect((await listEvents(ctx, { type: 'client.created' })).data.map((e) => e.id)).toEqual([more[2]!.id, more[0]!.id]);

    const page1 = await listEvents(ctx, { limit: 2 });
    expect(page1).toMatchObject({ has_more: true });
    const page2 = await listEvents(ctx, { limit: 2, starting_after: page1.data[1]!.id });
    expect([...page1.data, ...page2.data].map((e) => e.id)).toEqual(all.data.map((e) => e.id));
    expect(page2.has_more).toBe(false);
    expect((await listEvents(ctx, { limit: 2, ending_before: page2.data[0]!.id })).data.map((e) => e.id)).toEqual(page1.data.map((e) => e.id));
    expect(await getEvent(ctx, first.id)).toMatchObject({ id: first.id, type: 'client.activated', data: { client: { id: 'cli_x' } } });
  });
});

describe('the audit log', () => {
  it('lists the partner’s entries newest first, filtered by action, prefix, target, actor and time', async () => {
    const { ctx, endpoint } = await tenant();
    await rotateWebhookSecret(ctx, endpoint.id);
    await updateWebhookEndpoint(ctx, endpoint.id, { description: 'Changed' });

    const all = await listAuditLog(ctx);
    expect(all.data.map((e) => e.action)).toEqual(['webhook_endpoint.updated', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.created', 'partner.created']);
    expect(all.data[0]).toMatchObject({ actorType: 'api_key', actorId: ctx.actor.id, targetType: 'webhook_endpoint', targetId: endpoint.id, before: { description: null }, after: { description: 'Changed' } });

    expect((await listAuditLog(ctx, { action: 'webhook_endpoint.created' })).data).toHaveLength(1);
    expect((await listAuditLog(ctx, { action: 'webhook_endpoint.*' })).data).toHaveLength(3);
    expect((await listAuditLog(ctx, { action: 'webhook.*' })).data).toHaveLength(0);
    expect((await listAuditLog(ctx, { target_id: endpoint.id, actor_type: 'api_key' })).data).toHaveLength(3);
    expect((await listAuditLog(ctx, { actor_type: 'system' })).data.map((e) => e.action)).toEqual(['partner.created']);
    expect((await listAuditLog(ctx, { created_gte: new Date(Date.now() + 60_000).toISOString() })).data).toHaveLength(0);
    expect((await listAuditLog(ctx, { created_lte: new Date(Date.now() + 60_000) })).data).toHaveLength(4);

    const page = await listAuditLog(ctx, { limit: 2 });
    expect(page.has_more).toBe(true);
    const rest = await listAuditLog(ctx, { limit: 2, starting_after: page.data[1]!.id });
    expect(rest).toMatchObject({ has_more: false, data: [{ action: 'webhook_endpoint.created' }, { action: 'partner.created' }] });
  });
});
