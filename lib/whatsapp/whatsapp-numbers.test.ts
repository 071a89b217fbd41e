import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, events, messages, whatsappNumbers } from '@/db/schema';
import { logger } from '@/lib/log/logger';
import type { PhoneNumberInfo, TokenInfo, WhatsappCloudProvider } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';
import { WhatsappCloudSimulator } from '@/lib/providers/whatsapp-cloud/simulator';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, makeStaff, systemFor, unique } from '@/test/factories';
import { checkWhatsappNumber, runDueWhatsappChecks } from './check-numbers';
import { getWhatsappNumber, linkWhatsappNumber, listWhatsappNumbers, unlinkWhatsappNumber } from './manage-numbers';
import { addWhatsappHoliday, deleteWhatsappHolidayById, getWhatsappSchedule, setWhatsappHours } from './number-schedules';

const simulator = new WhatsappCloudSimulator();

async function setup() {
  const partner = await makePartner('wa');
  const admin = await makeStaff(partner.id, 'admin');
  const client = await seedClient(systemFor(partner.id), { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  return { partner, admin, ctx: admin.ctx, client };
}

const phoneId = () => `10${Math.floor(Math.random() * 1e9)}`.padEnd(11, '1').replace(/[78]$/, '1');

/** Everything a partner or anyone else could read back: events, audit entries, queued e-mails, log calls. */
async function everythingStoredFor(partnerId: string) {
  const db = getDb();
  return JSON.stringify([
    await db.select().from(events).where(eq(events.partnerId, partnerId)),
    await db.select().from(auditLog).where(eq(auditLog.partnerId, partnerId)),
    await db.select({ subject: messages.subject, template: messages.template }).from(messages).where(eq(messages.partnerId, partnerId)),
  ]);
}

afterEach(() => vi.restoreAllMocks());

describe('linking a Cloud API number', () => {
  it('verifies with Meta, keeps Meta’s number and name, and never lets the token out', async () => {
    const { partner, ctx, client } = await setup();
    const logs = [vi.spyOn(logger, 'info'), vi.spyOn(logger, 'warn'), vi.spyOn(logger, 'error'), vi.spyOn(logger, 'debug')];
    const token = `EAAGgoodtoken${unique()}${unique()}`;
    const id = phoneId();
    const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: id, access_token: token, display_number: '+911143109999', verified_name: 'Acme Corp' }, { provider: simulator });
    expect(number).toMatchObject({ status: 'active', clientId: client.id, phoneNumberId: id, displayPhoneNumber: `+91 11 4310 ${id.slice(-4)}`, verifiedName: `Simulated Business ${id.slice(-4)}`, sentDisplayNumber: '+911143109999', sentVerifiedName: 'Acme Corp', qualityRating: 'GREEN', canSendMessage: 'AVAILABLE', tokenExpiresAt: null });
    expect(JSON.stringify(number)).not.toContain(token);
    const [row] = await getDb().select().from(whatsappNumbers).where(eq(whatsappNumbers.id, number.id));
    expect(row!.accessTokenCiphertext).not.toContain(token);
    const stored = await everythingStoredFor(partner.id);
    expect(stored).toContain('whatsapp_number.linked');
    expect(stored).not.toContain(token);
    for (const spy of logs) expect(JSON.stringify(spy.mock.calls)).not.toContain(token);
  });

  it.each([
    ['EAAsim_expired_x', 'whatsapp_token_expired', 'access_token'],
    ['EAAsim_invalid_x', 'whatsapp_token_invalid', 'access_token'],
    ['EAAsim_no_access_x', 'whatsapp_number_not_accessible', 'phone_number_id'],
    ['EAAsim_other_waba_x', 'whatsapp_number_not_accessible', 'phone_number_id'],
    ['EAAsim_no_permission_x', 'whatsapp_permission_missing', 'access_token'],
    ['EAAsim_rate_limited_x', 'whatsapp_rate_limited', undefined],
    ['EAAsim_not_registered_x', 'whatsapp_number_not_registered', 'phone_number_id'],
  ])('refuses %s as %s, saving nothing', async (token, code, field) => {
    const { partner, ctx, client } = await setup();
    const error = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: phoneId(), access_token: `${token}${unique()}${unique()}` }, { provider: simulator }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code });
    if (field) expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toEqual([field]);
    expect(await getDb().$count(whatsappNumbers, eq(whatsappNumbers.partnerId, partner.id))).toBe(0);
  });

  it('refuses another partner’s client and a number linked to another client; relinking renews the token', async () => {
    const { ctx, client } = await setup();
    const other = await setup();
    const id = phoneId();
    await expect(linkWhatsappNumber(ctx, { client_id: other.client.id, phone_number_id: id, access_token: `EAAGtoken${unique()}${unique()}` }, { provider: simulator })).rejects.toMatchObject({ code: 'not_found' });
    const first = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: id, access_token: `EAAGfirst${unique()}${unique()}` }, { provider: simulator });
    const second = await seedClient(systemFor(ctx.partnerId), { name: `Second ${unique()}`, email: `s-${unique()}@example.com`, status: 'active' });
    await expect(linkWhatsappNumber(ctx, { client_id: second.id, phone_number_id: id, access_token: `EAAGtoken${unique()}${unique()}` }, { provider: simulator })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { phone_number_id: expect.any(String) } });
    const renewed = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: id, access_token: `EAAGrenewed${unique()}${unique()}` }, { provider: simulator });
    expect(renewed.id).toBe(first.id);
    expect((await listWhatsappNumbers(ctx, { client_id: client.id })).data.map((n) => n.id)).toEqual([first.id]);
    await expect(getWhatsappNumber(other.ctx, first.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs an admin to link', async () => {
    const { partner, client } = await setup();
    const member = await makeStaff(partner.id, 'member');
    await expect(linkWhatsappNumber(member.ctx, { client_id: client.id, phone_number_id: phoneId(), access_token: `EAAGtoken${unique()}${unique()}` }, { provider: simulator })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

/** A Cloud API whose answers a test changes between checks. */
function changingProvider(number: Partial<PhoneNumberInfo>, token: Partial<TokenInfo>) {
  const state = { number, token };
  const provider: WhatsappCloudProvider = {
    name: 'simulator',
    async readPhoneNumber(id, accessToken) {
      return { ...(await simulator.readPhoneNumber(id, accessToken)), ...state.number };
    },
    async debugToken(accessToken) {
      return { ...(await simulator.debugToken(accessToken)), ...state.token };
    },
  };
  return { provider, state };
}

describe('watching linked numbers', () => {
  it('announces health changes and a token’s coming expiry once, then its expiry, by event and e-mail', async () => {
    const { partner, ctx, client } = await setup();
    const start = new Date();
    const expiresAt = new Date(start.getTime() + 3 * 86_400_000);
    const { provider, state } = changingProvider({}, { expiresAt });
    const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: phoneId(), access_token: `EAAGwatch${unique()}${unique()}` }, { provider, now: () => start });
    const typesOf = async () => (await getDb().select({ type: events.type, data: events.data }).from(events).where(eq(events.partnerId, partner.id))).map((event) => event.type);
    expect((await typesOf()).filter((type) => type === 'whatsapp_number.token_expiring')).toHaveLength(1);

    state.number = { qualityRating: 'YELLOW', canSendMessage: 'LIMITED' };
    const checked = await checkWhatsappNumber(ctx, number.id, { provider, now: () => new Date(start.getTime() + 60_000) });
    expect(checked).toMatchObject({ qualityRating: 'YELLOW', canSendMessage: 'LIMITED', status: 'active' });
    const types = await typesOf();
    expect(types.filter((type) => type === 'whatsapp_number.health_changed')).toHaveLength(1);
    // The same expiry is not warned about twice.
    expect(types.filter((type) => type === 'whatsapp_number.token_expiring')).toHaveLength(1);

    const later = new Date(expiresAt.getTime() + 60_000);
    const expired = await checkWhatsappNumber(ctx, number.id, { provider, now: () => later });
    expect(expired).toMatchObject({ status: 'token_expired', statusReason: 'token_expired' });
    const [lastWarning] = await getDb().select({ data: events.data }).from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'whatsapp_number.token_expiring'))).orderBy(events.id).offset(1);
    expect(lastWarning!.data).toMatchObject({ expired: true });
    const mails = await getDb().select({ subject: messages.subject }).from(messages).where(eq(messages.partnerId, partner.id));
    expect(mails.map((mail) => mail.subject).join(' | ')).toMatch(/token expiring.*health changed|health changed.*token expiring/);
    expect(mails.some((mail) => mail.subject?.includes('token expired'))).toBe(true);
  });

  it('the worker re-checks each number a day later, and Meta being busy changes nothing', async () => {
    const { partner, ctx, client } = await setup();
    const start = new Date();
    const { provider, state } = changingProvider({}, {});
    const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: phoneId(), access_token: `EAAGdaily${unique()}${unique()}` }, { provider, now: () => start });
    expect(await runDueWhatsappChecks({ provider, now: () => new Date(start.getTime() + 3_600_000), partnerIds: [partner.id] })).toBe(0);
    state.number = { status: 'FLAGGED', qualityRating: 'RED' };
    expect(await runDueWhatsappChecks({ provider, now: () => new Date(start.getTime() + 86_400_000 + 1000), partnerIds: [partner.id] })).toBe(1);
    expect(await getWhatsappNumber(ctx, number.id)).toMatchObject({ metaStatus: 'FLAGGED', qualityRating: 'RED' });

    const busy: WhatsappCloudProvider = { name: 'simulator', readPhoneNumber: (id) => simulator.readPhoneNumber(id, 'EAAsim_rate_limited'), debugToken: (token) => simulator.debugToken(token) };
    const afterBusy = await checkWhatsappNumber(ctx, number.id, { provider: busy });
    expect(afterBusy).toMatchObject({ status: 'active', qualityRating: 'RED' });
    expect(afterBusy.nextCheckAt.getTime() - Date.now()).toBeLessThan(3_700_000);
  });
});

describe('unlinking and schedules', () => {
  it('keeps a schedule beside the number; unlinking erases the token and the schedule', async () => {
    const { partner, ctx, client } = await setup();
    const other = await setup();
    const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: phoneId(), access_token: `EAAGsched${unique()}${unique()}` }, { provider: simulator });
    await setWhatsappHours(ctx, number.id, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-18:00' } });
    const holiday = await addWhatsappHoliday(ctx, number.id, { name: 'Diwali', start_date: '2026-11-08' });
    expect((await getWhatsappSchedule(ctx, number.id)).schedule!.holidays).toHaveLength(1);
    await expect(setWhatsappHours(other.ctx, number.id, { timezone: 'UTC', weekly: {} })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteWhatsappHolidayById(other.ctx, holiday.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteWhatsappHolidayById(ctx, holiday.id, { clientId: other.client.id })).rejects.toMatchObject({ code: 'not_found' });
    await deleteWhatsappHolidayById(ctx, holiday.id, { clientId: client.id });

    const unlinked = await unlinkWhatsappNumber(ctx, number.id);
    expect(unlinked).toMatchObject({ status: 'unlinked' });
    const [row] = await getDb().select().from(whatsappNumbers).where(eq(whatsappNumbers.id, number.id));
    expect(row!.accessTokenCiphertext).toBe('');
    await expect(getWhatsappSchedule(ctx, number.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listWhatsappNumbers(ctx)).data).toEqual([]);
    expect((await listWhatsappNumbers(ctx, { status: 'unlinked' })).data.map((n) => n.id)).toEqual([number.id]);
    expect(await everythingStoredFor(partner.id)).toContain('whatsapp_number.unlinked');
  });
});
