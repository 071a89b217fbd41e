import { inArray, and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { flows, type Flow, type FlowCall } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { mappingHistory } from './map-flow';

/** The console tables' rows: what one page of flows runs on now, and one page of calls with their flows' names. */
export async function flowRows(ctx: PartnerCtx, page: readonly Flow[], clientNames: Map<string, string>) {
  return Promise.all(
    page.map(async (flow) => {
      const current = (await mappingHistory(ctx, { flowId: flow.id }, 20)).filter((m) => m.unmappedAt === null);
      return { id: flow.id, name: flow.name, clientName: clientNames.get(flow.clientId) ?? '—', agentExtension: flow.agentExtension, transferTo: flow.transferTo, bot: Boolean(flow.botId), runsOn: current.length ? current.map((m) => m.number).join(', ') : null };
    }),
  );
}

export async function flowCallRows(ctx: PartnerCtx, page: readonly FlowCall[]) {
  const ids = [...new Set(page.map((call) => call.flowId).filter((id): id is string => Boolean(id)))];
  const named = ids.length ? await getDb().select({ id: flows.id, name: flows.name }).from(flows).where(and(eq(flows.partnerId, ctx.partnerId), inArray(flows.id, ids))) : [];
  const names = new Map(named.map((flow) => [flow.id, flow.name]));
  return page.map((call) => ({
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    number: call.number,
    flowName: (call.flowId && names.get(call.flowId)) || '—',
    outcome: call.outcome ?? call.status,
    path: call.path.map((step) => step.step).join(' → '),
  }));
}
