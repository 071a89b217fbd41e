import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { buyNumber } from '@/lib/numbers/buy-number';
import { holdNumber } from '@/lib/numbers/hold-number';
import { addNumberHoliday, setNumberHours } from '@/lib/numbers/number-schedule';
import { releaseNumber } from '@/lib/numbers/release-number';
import { searchNumbers } from '@/lib/numbers/search-numbers';

const magic = /(1111|2222|3333)$/;

/**
 * Numbers for one demo partner, so each part of the Numbers section has something in it: every active client
 * gets a local number (the first also a toll-free one, with working hours and a holiday), one number is
 * released into quarantine (recallable), and one is held. The simulator's magic numbers are skipped.
 */
export async function seedNumbers(partnerId: string): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const clients = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  const circles = ['DL', 'MU', 'KA', 'TN', 'MH'];
  for (const [index, client] of clients.entries()) {
    const [local] = (await searchNumbers(ctx, { region: circles[index % circles.length], type: 'local', limit: 50 })).filter((n) => !magic.test(n.number));
    if (!local) continue;
    await buyNumber(ctx, { number: local.id, clientId: client.id, idempotencyKey: `demo:number:${client.id}:local` });
    if (index !== 0) continue;
    await setNumberHours(ctx, local.id, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-18:00', tue: '09:00-18:00', wed: '09:00-18:00', thu: '09:00-18:00', fri: '09:00-18:00', sat: '10:00-14:00' } });
    await addNumberHoliday(ctx, local.id, { name: 'Republic Day', start_date: `${new Date().getUTCFullYear() + 1}-01-26` });
    const [tollFree] = (await searchNumbers(ctx, { type: 'toll_free', limit: 50 })).filter((n) => !magic.test(n.number));
    if (tollFree) await buyNumber(ctx, { number: tollFree.id, clientId: client.id, idempotencyKey: `demo:number:${client.id}:toll_free` });
    const [spare] = (await searchNumbers(ctx, { region: 'DL', type: 'mobile', limit: 50 })).filter((n) => !magic.test(n.number));
    if (spare) {
      await buyNumber(ctx, { number: spare.id, clientId: client.id, idempotencyKey: `demo:number:${client.id}:released` });
      await releaseNumber(ctx, { number: spare.id });
    }
  }
  const [held] = (await searchNumbers(ctx, { region: 'KA', type: 'mobile', limit: 50 })).filter((n) => !magic.test(n.number));
  if (held) await holdNumber(ctx, { number: held.id });
}
