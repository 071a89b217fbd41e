import type { PartnerCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { getDb } from '@/db';
import { partnerKind } from '@/lib/onboarding/registration-access';
import { whatsappCloudFor } from '@/lib/providers/whatsapp-cloud';
import type { CursorParams } from '@/lib/tables/table-params';
import { listNumbersWithSchedules, type NumberWithSchedule } from './read-numbers';

/**
 * What the console's WhatsApp pages show, in one call: a page of numbers with their schedules, the clients' names
 * (and the clients to link a number to), and whether the Cloud API is the simulator.
 */
export async function whatsappNumbersPage(ctx: PartnerCtx, cursor: CursorParams, options: { clientId?: string } = {}): Promise<{ items: NumberWithSchedule[]; nextCursor: string | null; clients: { id: string; name: string }[]; clientNames: Map<string, string>; simulated: boolean }> {
  const page = await listNumbersWithSchedules(ctx, { client_id: options.clientId, limit: 50, ...cursor });
  const clientPage = await listClients(ctx, { limit: 100 });
  const clients = clientPage.data.map((client) => ({ id: client.id, name: client.name }));
  const simulated = whatsappCloudFor(await partnerKind(getDb(), ctx.partnerId)).name === 'simulator';
  return { items: page.data, nextCursor: page.has_more ? (page.data.at(-1)?.number.id ?? null) : null, clients, clientNames: new Map(clients.map((client) => [client.id, client.name])), simulated };
}
