import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { installTemplate } from '@/lib/provisioning/install';
import { saveClientAsTemplate } from '@/lib/provisioning/templates';

/**
 * A provisioning template for one demo partner: its first active client's setup (seats, bot, flow, hours) saved as
 * a template and installed into the second, so Templates shows a version and an install record on first start.
 */
export async function seedTemplates(partnerId: string): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const active = await getDb().select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.partnerId, partnerId), eq(clients.status, 'active'))).orderBy(asc(clients.name)).limit(2);
  const [source, target] = active;
  if (!source) return;
  const template = await saveClientAsTemplate(ctx, { name: `${source.name} setup`, description: 'Seats, voice bot, call flow and working hours of a set-up client', client_id: source.id });
  if (!target) return;
  // example.com is answered without the network (as in seedAgents), so seeding works offline.
  await installTemplate(ctx, target.id, { template_id: template.id }, { resolve: async () => [{ address: '93.184.215.14', family: 4 }] });
}
