import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clientMembers } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { createChannel } from '@/lib/channels/manage-channels';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { buyNumber } from '@/lib/numbers/buy-number';
import { setNumberHours } from '@/lib/numbers/number-schedule';
import { freshInventoryNumber } from '@/lib/numbers/test-numbers';
import { WhatsappCloudSimulator } from '@/lib/providers/whatsapp-cloud/simulator';
import { linkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { makePartner, makeStaff, systemFor, unique, uniqueEmail } from '@/test/factories';
import { portalChannel, portalChannels, portalNumber, portalNumbers, portalPairingCode, portalSimulateScan, portalWhatsappNumber, portalWhatsappNumbers } from './portal-services';

const provider = new WhatsappCloudSimulator();
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

/** A client with a number (with hours), a WhatsApp number and a channel, and a member of it signed in. */
async function clientWithServices(partnerId: string, admin: PartnerCtx, label: string) {
  const client = await seedClient(systemFor(partnerId), { name: `${label} Co`, email: uniqueEmail(label), status: 'active' });
  await addClientCredits(admin, { clientId: client.id, amount: '500000' });
  const inventory = await freshInventoryNumber('4501');
  const purchase = await buyNumber(admin, { number: inventory.e164, clientId: client.id });
  await setNumberHours(admin, purchase.numberId!, { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
  const whatsapp = await linkWhatsappNumber(admin, { client_id: client.id, phone_number_id: `44${String(unique()).replace(/\D/g, '').slice(-8).padStart(8, '1')}`, access_token: `EAAGportal${unique()}${unique()}` }, { provider });
  const { channel } = await createChannel(admin, { clientId: client.id, name: `${label} line` });
  const [member] = await getDb().insert(clientMembers).values({ partnerId, clientId: client.id, email: uniqueEmail(`${label}-m`), name: `${label} member` }).returning();
  const ctx: PartnerCtx = { partnerId, actor: { type: 'client_member', id: member!.id, partnerId, clientId: client.id } };
  return { client, numberId: purchase.numberId!, whatsappId: whatsapp.id, channelId: channel.id, ctx };
}

async function setup() {
  const partner = await makePartner('portal');
  const { ctx: admin } = await makeStaff(partner.id, 'admin');
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
  return { partner, mine: await clientWithServices(partner.id, admin, 'mine'), theirs: await clientWithServices(partner.id, admin, 'theirs') };
}

describe('the portal’s numbers, WhatsApp and channels tabs', () => {
  it('list only the member’s own client’s, with hours, health and days left', async () => {
    const { mine, theirs } = await setup();
    const numbers = await portalNumbers(mine.ctx, { limit: 25 });
    expect(numbers.data.map((n) => n.id)).toEqual([mine.numberId]);
    expect(numbers.data[0]!.schedule).toMatchObject({ timezone: 'Asia/Kolkata' });
    const { number, schedule } = await portalNumber(mine.ctx, mine.numberId);
    expect(number).not.toHaveProperty('history');
    expect(schedule?.weekly.mon).toEqual([{ start: '09:00', end: '18:00' }]);

    const whatsapp = await portalWhatsappNumbers(mine.ctx, { limit: 25 });
    expect(whatsapp.data.map((entry) => entry.number.id)).toEqual([mine.whatsappId]);
    expect((await portalWhatsappNumber(mine.ctx, mine.whatsappId)).number).toMatchObject({ status: 'active', qualityRating: 'GREEN' });
    expect(JSON.stringify(whatsapp)).not.toContain('accessToken');

    const channels = await portalChannels(mine.ctx, { limit: 25 });
    expect(channels.data.map((c) => c.id)).toEqual([mine.channelId]);
    expect(channels.data[0]).toMatchObject({ mode: 'trial', days_left: 5 });
    const all = JSON.stringify([numbers, whatsapp, channels]);
    for (const id of [theirs.client.id, theirs.numberId, theirs.whatsappId, theirs.channelId]) expect(all).not.toContain(id);
  });

  it('answer another client’s ids, and another partner’s, with the same 404 as unknown ones', async () => {
    const { mine, theirs } = await setup();
    const other = await setup();
    for (const foreign of [theirs, other.mine]) {
      expect(codeOf(await portalNumber(mine.ctx, foreign.numberId).catch((e) => e))).toBe('not_found');
      expect(codeOf(await portalWhatsappNumber(mine.ctx, foreign.whatsappId).catch((e) => e))).toBe('not_found');
      expect(codeOf(await portalChannel(mine.ctx, foreign.channelId).catch((e) => e))).toBe('not_found');
      expect(codeOf(await portalPairingCode(mine.ctx, foreign.channelId, { phone: '+919876543210' }).catch((e) => e))).toBe('not_found');
      expect(codeOf(await portalSimulateScan(mine.ctx, foreign.channelId, {}).catch((e) => e))).toBe('not_found');
    }
    expect(codeOf(await portalChannel(mine.ctx, 'chn_01kaz3d4mqf2v8n6w0c1e5rj7t').catch((e) => e))).toBe('not_found');
    // A partner's own staff is not a portal member.
    const staff = await makeStaff(mine.ctx.partnerId, 'owner');
    expect(codeOf(await portalChannels(staff.ctx, { limit: 25 }).catch((e) => e))).toBe('forbidden');
  });

  it('let a member connect the client’s own channel by pairing code or a simulated scan', async () => {
    const { mine } = await setup();
    const { code } = await portalPairingCode(mine.ctx, mine.channelId, { phone: '+919876543210' });
    expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    const connected = await portalSimulateScan(mine.ctx, mine.channelId, {});
    expect(connected).toMatchObject({ connection: 'connected' });
    expect((await portalChannel(mine.ctx, mine.channelId)).connection).toBe('connected');
  });
});
