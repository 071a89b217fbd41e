import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, channels, events, messages, webhookDeliveries } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { creditPartner } from '@/lib/ledger/money-in';
import { priceOf } from '@/lib/prices/price-book';
import { qrSlot } from '@/lib/providers/whatsapp-gateway/gateway';
import { simulatedLogoutPhone } from '@/lib/providers/whatsapp-gateway/simulator';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { dayMs } from './channel-view';
import { deleteChannel, extendChannel, reclaimChannelDays } from './channel-days';
import { openConnectLink, createConnectLink } from './connect-links';
import { channelPairingCode, channelQr, channelQrPng, qrPngResponse, simulateChannelScan } from './connect';
import { buyDays, channelDaysKey, getDayBalance, setDaysThreshold } from './day-balance';
import { sweepChannelExpiry, syncChannelConnections } from './expiry';
import { channelByToken, createChannel, getChannel, listChannels, rotateChannelToken } from './manage-channels';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function setup(days = 0) {
  const partner = await makePartner('chan');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Bluebird Logistics', email: uniqueEmail('chan'), status: 'active' });
  await makeStaff(partner.id, 'admin');
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
  if (days) await buyDays(ctx, { quantity: days });
  const eventsOf = async (type: string) => (await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, type)))).map((e) => e.data as Record<string, unknown>);
  return { partner, ctx, client, eventsOf };
}

describe('day balance', () => {
  it('buys days at the wholesale day price, alerts once when allocation crosses the threshold', async () => {
    const { partner, ctx, client, eventsOf } = await setup();
    const bought = await buyDays(ctx, { quantity: 10 });
    expect(bought.cost).toBe((await priceOf(getDb(), partner.id, 'channel_day')).wholesale * 10n);
    await setDaysThreshold(ctx, { threshold: 5 });
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Support line', trialDays: '' });
    await extendChannel(ctx, channel.id, { days: 4, comment: 'January' });
    expect(await eventsOf('partner.days_low')).toEqual([]);
    await extendChannel(ctx, channel.id, { days: 2, comment: 'More' });
    await extendChannel(ctx, channel.id, { days: 1, comment: 'Even more' });
    expect(await eventsOf('partner.days_low')).toEqual([{ balance: 4, threshold: 5 }]);
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'days-low')));
    expect(mails.length).toBeGreaterThan(0);
    expect(await getDayBalance(ctx)).toMatchObject({ balance: 3, threshold: 5, bought: 10, inChannels: 7 });
  });

  it('refuses a bad threshold and a purchase the prepaid balance cannot cover', async () => {
    const { ctx } = await setup();
    expect(codeOf(await setDaysThreshold(ctx, { threshold: '-1' }).catch((e) => e))).toBe('validation_failed');
    expect(codeOf(await buyDays(ctx, { quantity: 1_000_000 }).catch((e) => e))).toBe('partner_insufficient_funds');
  });
});

describe('channel lifecycle', () => {
  it('starts in trial with its trial length and limits, a token shown once and stored hashed, rotatable', async () => {
    const { ctx, client, eventsOf } = await setup();
    const now = new Date();
    const { channel, token } = await createChannel(ctx, { clientId: client.id, name: 'Sales', trialDays: 7 }, now);
    expect(channel).toMatchObject({ mode: 'trial', status: 'active', connection: 'initialising', trial_days: 7, days_left: 7, trial_limits: { messages_per_day: 150 } });
    expect(channel.active_till.getTime()).toBe(now.getTime() + 7 * dayMs);
    const [row] = await getDb().select().from(channels).where(eq(channels.id, channel.id));
    expect(row!.tokenDigest).not.toContain(token);
    expect(JSON.stringify(channel)).not.toContain(token);
    expect((await channelByToken(token))?.id).toBe(channel.id);
    const rotated = await rotateChannelToken(ctx, channel.id);
    expect(await channelByToken(token)).toBeNull();
    expect((await channelByToken(rotated.token))?.id).toBe(channel.id);
    expect(await eventsOf('channel.created')).toHaveLength(1);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, channel.id));
    expect(JSON.stringify(audit)).not.toContain(rotated.token);
  });

  it('goes live when days are allocated, extends, reclaims down to a minimum and deletes with unused days returned', async () => {
    const { partner, ctx, client, eventsOf } = await setup(100);
    const t0 = new Date();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Ops' }, t0);
    expect(codeOf(await extendChannel(ctx, channel.id, { days: 10, comment: '' }).catch((e) => e))).toBe('validation_failed');
    const live = await extendChannel(ctx, channel.id, { days: 30, comment: 'Paid for a month' }, t0);
    expect(live).toMatchObject({ mode: 'live', days_held: 30, unused_days: 30 });
    expect(live.active_till.getTime()).toBe(t0.getTime() + 30 * dayMs);
    expect(await eventsOf('channel.mode_changed')).toEqual([expect.objectContaining({ from: 'trial', mode: 'live' })]);
    const later = new Date(t0.getTime() + 10.5 * dayMs); // 19.5 days left: 19 unused
    const reclaimed = await reclaimChannelDays(ctx, channel.id, { keepDays: 5, comment: 'Client asked to shorten' }, later);
    expect(reclaimed).toMatchObject({ days_held: 16, days_reclaimed: 14, unused_days: 5 });
    expect(codeOf(await reclaimChannelDays(ctx, channel.id, { keepDays: 5, comment: 'again' }, later).catch((e) => e))).toBe('validation_failed');
    const deleted = await deleteChannel(ctx, channel.id, { comment: 'Client left' }, later);
    expect(deleted).toMatchObject({ status: 'deleted', days_returned: 5, days_held: 11 });
    expect((await readAccount(getDb(), partnerBook(partner.id).pool('days')))!.balance).toBe(89n);
    expect((await readAccount(getDb(), channelDaysKey(partner.id, client.id)))!.balance).toBe(11n);
    expect(await eventsOf('channel.deleted')).toEqual([expect.objectContaining({ days_returned: 5, comment: 'Client left' })]);
    expect(codeOf(await extendChannel(ctx, channel.id, { days: 1, comment: 'x' }).catch((e) => e))).toBe('conflict');
  });

  it('refuses allocating more days than the balance holds, and another partner’s channel is a 404', async () => {
    const { ctx, client } = await setup(3);
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Ops' });
    expect(codeOf(await extendChannel(ctx, channel.id, { days: 4, comment: 'Too many' }).catch((e) => e))).toBe('partner_insufficient_funds');
    const other = await setup(10);
    expect(codeOf(await getChannel(other.ctx, channel.id).catch((e) => e))).toBe('not_found');
    expect(codeOf(await extendChannel(other.ctx, channel.id, { days: 1, comment: 'x' }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await createChannel(other.ctx, { clientId: client.id, name: 'Theirs' }).catch((e) => e))).toBe('not_found');
  });

  it('lets a member read but not spend', async () => {
    const { partner, ctx, client } = await setup(10);
    const member = await makeStaff(partner.id, 'member');
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Ops' });
    expect((await listChannels(member.ctx, { limit: 10 })).data.map((c) => c.id)).toEqual([channel.id]);
    expect(codeOf(await extendChannel(member.ctx, channel.id, { days: 1, comment: 'x' }).catch((e) => e))).toBe('forbidden');
  });
});

describe('day conservation', () => {
  it('keeps bought = balance + days in channels exactly under concurrent extends, reclaims and deletes', async () => {
    const { partner, ctx, client } = await setup(400);
    const second = await seedClient(ctx, { name: 'Second Co', email: uniqueEmail('chan'), status: 'active' });
    const now = new Date();
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => createChannel(ctx, { clientId: i % 2 ? second.id : client.id, name: `C${i}` }, now)));
    const ids = made.map((m) => m.channel.id);
    await Promise.all(ids.map((id) => extendChannel(ctx, id, { days: 20, comment: 'start' }, now)));
    const later = new Date(now.getTime() + 2.5 * dayMs);
    const ops = [
      ...ids.map((id) => () => extendChannel(ctx, id, { days: 7, comment: 'top up' }, later)),
      ...ids.map((id) => () => reclaimChannelDays(ctx, id, { keepDays: 3, comment: 'trim' }, later)),
      ...ids.slice(0, 3).map((id) => () => deleteChannel(ctx, id, { comment: 'gone' }, later)),
      ...ids.map((id) => () => extendChannel(ctx, id, { days: 2, comment: 'again' }, later)),
    ];
    const outcomes = await Promise.allSettled(ops.sort(() => Math.random() - 0.5).map((op) => op()));
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(['conflict', 'validation_failed']).toContain(codeOf(outcome.reason));
    const balance = await getDayBalance(ctx);
    const pool = (await readAccount(getDb(), partnerBook(partner.id).pool('days')))!.balance;
    const held = (await readAccount(getDb(), channelDaysKey(partner.id, client.id)))!.balance + (await readAccount(getDb(), channelDaysKey(partner.id, second.id)))!.balance;
    const [rows] = await getDb().select({ held: sql<string>`sum(days_held)` }).from(channels).where(eq(channels.partnerId, partner.id));
    expect(balance.bought).toBe(400);
    expect(Number(pool) + Number(held)).toBe(400);
    expect(Number(rows!.held)).toBe(Number(held));
    expect(balance.balance + balance.inChannels).toBe(400);
  });
});

describe('connecting', () => {
  it('rotates the QR 60 s then 20 s, six codes, then fails and starts again', () => {
    expect(qrSlot(0)).toEqual({ index: 0, endsAfterMs: 60_000 });
    expect(qrSlot(59_999)?.index).toBe(0);
    expect(qrSlot(60_000)).toEqual({ index: 1, endsAfterMs: 80_000 });
    expect(qrSlot(159_999)?.index).toBe(5);
    expect(qrSlot(160_000)).toBeNull();
  });

  it('walks initialising → waiting for scan → connected, with events, and a new login after a timeout', async () => {
    const { partner, ctx, client, eventsOf } = await setup();
    const t0 = new Date();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Front desk' }, t0);
    const first = await channelQr(partner.id, channel.id, t0);
    expect(first.channel.connection).toBe('waiting_for_scan');
    expect(first.qr).toMatchObject({ index: 0 });
    expect(first.qr!.image_png).toMatch(/^data:image\/png;base64,/);
    expect(first.qr!.expires_at.getTime()).toBe(t0.getTime() + 60_000);
    const second = await channelQr(partner.id, channel.id, new Date(t0.getTime() + 61_000));
    expect(second.qr!.index).toBe(1);
    expect(second.qr!.value).not.toBe(first.qr!.value);
    const timedOut = await channelQr(partner.id, channel.id, new Date(t0.getTime() + 161_000));
    expect(timedOut.qr).toBeNull();
    expect(timedOut.channel).toMatchObject({ connection: 'failed' });
    expect(timedOut.channel.connection_reason).toContain('6 QR codes');
    const again = await channelQr(partner.id, channel.id, new Date(t0.getTime() + 170_000));
    expect(again.qr!.index).toBe(0);
    const connected = await simulateChannelScan(partner.id, channel.id, {}, new Date(t0.getTime() + 171_000));
    expect(connected).toMatchObject({ connection: 'connected', phone: '+919000000100' });
    expect(await eventsOf('channel.connected')).toHaveLength(1);
  });

  it('gives a pairing code, and logs out the magic phone after two minutes (the worker notices)', async () => {
    const { partner, ctx, client, eventsOf } = await setup();
    const t0 = new Date();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Logout' }, t0);
    expect(codeOf(await channelPairingCode(partner.id, channel.id, { phone: '12' }, t0).catch((e) => e))).toBe('validation_failed');
    const paired = await channelPairingCode(partner.id, channel.id, { phone: simulatedLogoutPhone }, t0);
    expect(paired.code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    await simulateChannelScan(partner.id, channel.id, {}, t0);
    expect((await getChannel(ctx, channel.id)).phone).toBe(simulatedLogoutPhone);
    await syncChannelConnections(new Date(t0.getTime() + 3 * 60_000));
    expect(await getChannel(ctx, channel.id)).toMatchObject({ connection: 'logged_out' });
    expect(await eventsOf('channel.disconnected')).toEqual([expect.objectContaining({ connection: 'logged_out' })]);
  });

  it('draws the current code as PNG bytes (never cached), and says why there is none once the phone is connected', async () => {
    const { partner, ctx, client } = await setup();
    const t0 = new Date();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Png' }, t0);
    const qr = await channelQrPng(partner.id, channel.id, t0);
    expect(qr.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(qr).toMatchObject({ index: 0, expiresAt: new Date(t0.getTime() + 60_000) });
    const response = qrPngResponse(qr);
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'image/png', 'cache-control': 'no-store', 'x-qr-index': '0' });
    expect(Buffer.from(await response.arrayBuffer()).equals(qr.png)).toBe(true);
    // The same code as the JSON face's, later in the rotation too.
    const later = new Date(t0.getTime() + 61_000);
    const [json, png] = [await channelQr(partner.id, channel.id, later), await channelQrPng(partner.id, channel.id, later)];
    expect(png.index).toBe(json.qr!.index);
    expect(png.png.equals(qr.png)).toBe(false);
    await simulateChannelScan(partner.id, channel.id, {}, later);
    const error = await channelQrPng(partner.id, channel.id, later).catch((e) => e);
    expect(error).toMatchObject({ code: 'conflict', message: 'The phone is connected: there is no code to scan.' });
  });

  it('e-mails a connect link in the partner’s brand when asked, and refuses a bad address', async () => {
    const { partner, ctx, client } = await setup();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Mailed line' });
    expect(codeOf(await createConnectLink(ctx, channel.id, { expiresInHours: 24, sendTo: 'not-an-address' }).catch((e) => e))).toBe('validation_failed');
    const quiet = await createConnectLink(ctx, channel.id, { expiresInHours: 24, sendTo: '' });
    expect(quiet.sent_to).toBeNull();
    const link = await createConnectLink(ctx, channel.id, { expiresInHours: 24, sendTo: client.email });
    expect(link.sent_to).toBe(client.email);
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'channel_connect_link')));
    // Sent for the channel's client: it counts in that client's usage.
    expect(mails.map((m) => [m.recipient, m.subject, m.clientId])).toEqual([[client.email, `Connect your WhatsApp to ${partner.name}`, client.id]]);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.partnerId, partner.id), eq(auditLog.action, 'channel.connect_link_created')));
    expect(JSON.stringify(audit)).not.toContain(link.url.split('/connect/')[1]);
  });

  it('opens a signed connect link on the live partner’s host only, until it expires', async () => {
    const { partner, ctx, client } = await setup();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Link' });
    const link = await createConnectLink(ctx, channel.id, { expiresInHours: 1 });
    const token = link.url.split('/connect/')[1]!;
    expect((await openConnectLink(partner.id, token))?.channel.id).toBe(channel.id);
    const other = await makePartner('chan');
    expect(await openConnectLink(other.id, token)).toBeNull();
    expect(await openConnectLink(partner.id, `${token.slice(0, -2)}xx`)).toBeNull();
    expect(await openConnectLink(partner.id, token, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
  });
});

describe('expiry by the worker', () => {
  it('warns a trial 3 days and 1 day before, stops it at active_till, and restarts it when days are allocated', async () => {
    const { partner, ctx, client, eventsOf } = await setup(50);
    const t0 = new Date();
    const { channel } = await createChannel(ctx, { clientId: client.id, name: 'Trial' }, t0);
    const at = (days: number) => new Date(t0.getTime() + days * dayMs);
    await sweepChannelExpiry(at(1));
    expect(await eventsOf('channel.expiring')).toEqual([]);
    await sweepChannelExpiry(at(2.5));
    await sweepChannelExpiry(at(2.6));
    await sweepChannelExpiry(at(4.2));
    await sweepChannelExpiry(at(4.3));
    expect((await eventsOf('channel.expiring')).map((e) => e.days_left)).toEqual([3, 1]);
    await sweepChannelExpiry(at(5));
    expect(await getChannel(ctx, channel.id, at(5))).toMatchObject({ status: 'stopped', days_left: 0 });
    expect(await eventsOf('channel.stopped')).toEqual([expect.objectContaining({ mode: 'trial' })]);
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'channel-stopped')));
    expect(mails.length).toBeGreaterThan(0);
    const restarted = await extendChannel(ctx, channel.id, { days: 2, comment: 'Paid' }, at(6));
    expect(restarted).toMatchObject({ status: 'active', mode: 'live' });
    expect(await eventsOf('channel.extended')).toEqual([expect.objectContaining({ restarted: true, days: 2 })]);
    await sweepChannelExpiry(at(7.5));
    await sweepChannelExpiry(at(8));
    expect(await getChannel(ctx, channel.id, at(8))).toMatchObject({ status: 'stopped', mode: 'live' });
    expect((await eventsOf('channel.stopped')).map((e) => e.mode)).toEqual(['trial', 'live']);
  });
});

describe('channel webhooks', () => {
  it('delivers a channel’s events to its own URL only', async () => {
    const { partner, ctx, client } = await setup(10);
    const { addChannelWebhook, listChannelWebhooks } = await import('./channel-webhooks');
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    const a = await createChannel(ctx, { clientId: client.id, name: 'A' });
    const b = await createChannel(ctx, { clientId: client.id, name: 'B' });
    expect(codeOf(await addChannelWebhook(ctx, a.channel.id, { url: 'http://127.0.0.1/hook' }, { resolve }).catch((e) => e))).toBe('validation_failed');
    const hook = await addChannelWebhook(ctx, a.channel.id, { url: 'https://hooks.example.com/a' }, { resolve });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(await listChannelWebhooks(ctx, a.channel.id)).toHaveLength(1);
    await extendChannel(ctx, a.channel.id, { days: 1, comment: 'a' });
    await extendChannel(ctx, b.channel.id, { days: 1, comment: 'b' });
    const deliveries = await getDb().select({ eventId: webhookDeliveries.eventId }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, hook.endpoint.id));
    const delivered = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id)));
    const types = delivered.filter((e) => deliveries.some((d) => d.eventId === e.id)).map((e) => [(e.data as { channel_id: string }).channel_id, e.type]);
    expect(types.every(([id]) => id === a.channel.id)).toBe(true);
    expect(types.map(([, type]) => type).sort()).toEqual(['channel.extended', 'channel.mode_changed']);
  });
});
