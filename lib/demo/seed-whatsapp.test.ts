import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { listWhatsappNumbers } from '@/lib/whatsapp/manage-numbers';
import { getWhatsappSchedule } from '@/lib/whatsapp/number-schedules';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { seedWhatsapp } from './seed-whatsapp';

describe('the demo’s WhatsApp numbers', () => {
  it('links a number with office hours and holidays, and one whose token expires within the week', async () => {
    const partner = await makePartner('demo-wa');
    const ctx = systemFor(partner.id);
    await seedClient(ctx, { name: 'Demo One', email: uniqueEmail('one'), status: 'active' });
    await seedClient(ctx, { name: 'Demo Two', email: uniqueEmail('two'), status: 'active' });
    await seedWhatsapp(partner.id);
    const numbers = (await listWhatsappNumbers(ctx)).data;
    expect(numbers).toHaveLength(2);
    const expiring = numbers.find((number) => number.tokenExpiresAt);
    expect(expiring!.tokenExpiresAt!.getTime() - Date.now()).toBeLessThan(7 * 86_400_000);
    const office = numbers.find((number) => !number.tokenExpiresAt)!;
    const { schedule } = await getWhatsappSchedule(ctx, office.id);
    expect(schedule!.weekly.sat).toHaveLength(2);
    expect(schedule!.holidays.map((holiday) => holiday.name)).toEqual(expect.arrayContaining(['Republic Day', 'Year-end stocktake']));
  });
});
