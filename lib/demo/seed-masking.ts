import { getDb } from '@/db';
import { numbers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { setPoolSettings } from '@/lib/masking/pool-settings';
import { cancelMaskingSession, createMaskingSession } from '@/lib/masking/sessions';
import { simulateMaskingCall } from '@/lib/masking/simulate-call';

/**
 * Masking for one demo partner: its first active client gets a masking pool of two numbers and three sessions
 * (a ride with two calls, a delivery whose courier did not answer, and a cancelled one), their legs written by
 * the call simulator through the same ingestion and charging as real calls. Its pool has auto-buy on (up to 4).
 */
export async function seedMasking(partnerId: string, partnerIndex: number): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const [client] = (await listClients(ctx, { status: 'active', limit: 1 })).data;
  if (!client) return;
  const pool = [0, 1].map((i) => {
    const digits = `804710${partnerIndex}${String(i).padStart(3, '0')}`;
    return { environment: 'live' as const, carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'KA', type: 'local' as const, status: 'assigned' as const, partnerId, clientId: client.id, masking: true };
  });
  await getDb().insert(numbers).values(pool).onConflictDoNothing();
  const party = (n: number) => `+9198450${partnerIndex}${String(n).padStart(4, '0')}`;
  const ride = await createMaskingSession(ctx, { client_id: client.id, first_party: party(101), second_party: party(202), session_expiry: 6 * 3600, record: true });
  await simulateMaskingCall(ctx, ride.session.id, { from: 'first_party', duration_seconds: 95 });
  await simulateMaskingCall(ctx, ride.session.id, { from: 'second_party', duration_seconds: 40 });
  // A called number ending in 0002 rings out unanswered (the simulator's magic value).
  const delivery = await createMaskingSession(ctx, { client_id: client.id, first_party: party(101), second_party: `+9198450${partnerIndex}0002` });
  await simulateMaskingCall(ctx, delivery.session.id, { from: 'first_party' });
  const cancelled = await createMaskingSession(ctx, { client_id: client.id, first_party: party(303), second_party: party(404) });
  await simulateMaskingCall(ctx, cancelled.session.id, { from: 'second_party', duration_seconds: 200 });
  await cancelMaskingSession(ctx, cancelled.session.id);
  // Auto-buy on, bounded: a third session for the same rider then buys a pool number instead of being refused.
  await setPoolSettings(ctx, client.id, { autoBuy: true, maxPoolSize: 4, region: 'KA', type: 'local' });
}
