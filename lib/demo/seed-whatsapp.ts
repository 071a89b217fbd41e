import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { whatsappCloudSimulator } from '@/lib/providers/whatsapp-cloud';
import { linkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { addWhatsappHoliday, setWhatsappHours } from '@/lib/whatsapp/number-schedules';

/**
 * WhatsApp for one demo partner, through the simulated Cloud API whatever is configured: a healthy number with
 * office hours, a split Saturday and a holiday, and a second number whose token expires in a few days (so the
 * console shows the warning, its event and its e-mail).
 */
export async function seedWhatsapp(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const deps = { provider: whatsappCloudSimulator, now: () => now };
  const [first, second] = (await listClients(ctx, { status: 'active', limit: 2 })).data;
  if (!first) return;
  const seed = partnerId.replace(/\D/g, '').slice(-4).padStart(4, '1');
  const office = await linkWhatsappNumber(ctx, { client_id: first.id, phone_number_id: `10293${seed}1`, access_token: `EAAGdemo${seed}systemusertoken`, display_number: `+9111431${seed}1`, verified_name: first.name }, deps);
  await setWhatsappHours(ctx, office.id, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-18:00', tue: '09:00-18:00', wed: '09:00-18:00', thu: '09:00-18:00', fri: '09:00-18:00', sat: '10:00-13:00, 14:00-16:00' } });
  const year = now.getUTCFullYear() + (now.getUTCMonth() === 11 ? 1 : 0);
  await addWhatsappHoliday(ctx, office.id, { name: 'Republic Day', start_date: `${year}-01-26` });
  await addWhatsappHoliday(ctx, office.id, { name: 'Year-end stocktake', start_date: `${year}-12-30`, end_date: `${year}-12-31`, hours: '10:00-14:00' });
  await linkWhatsappNumber(ctx, { client_id: (second ?? first).id, phone_number_id: `10293${seed}2`, access_token: `EAAsim_expiring_demo${seed}token` }, deps);
}
