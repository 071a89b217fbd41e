import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { flowMappings, numbers, type FlowStep } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { getFlow } from './manage-flows';
import { isOpen } from '@/lib/schedules/evaluate';
import { openStateOf, planEntry } from './plan';

const sentences: Record<string, (detail?: string) => string> = {
  received: () => 'The call arrives.',
  closed: (detail) => `The number is closed by its working hours${detail ? ` (${detail.replace('Opens', 'opens')})` : ''}.`,
  holiday: (detail) => `The number is closed for a holiday${detail ? `: ${detail}` : ''}.`,
  closed_message: () => 'The caller hears the closed message and the call ends.',
  open: () => 'The number is open.',
  welcome: (detail) => `The caller hears the welcome recording “${detail}”.`,
  bot: (detail) => `The voice bot “${detail}” takes the call; if it fails, the call goes to the transfer target.`,
  ring_agent: (detail) => `${detail} is available and rings; if they do not answer, the call goes to the transfer target.`,
  agent_unavailable: (detail) => `${detail}, so the agent is not rung.`,
  transfer: (detail) => `The call is transferred to ${detail}.`,
  unreachable: (detail) => `Nobody can take the call: ${detail}`,
};

export type FlowPreview = { at: Date; number: string | null; steps: (FlowStep & { text: string })[] };

/**
 * What a call arriving at `at` (default now) would do, planned by the same code the calls run through: the
 * number's schedule (the flow's first mapped number; a flow on no number is previewed as open), the welcome,
 * then the bot or the agent as available now, and where it would go from there.
 */
export async function previewFlow(ctx: PartnerCtx, flowId: string, options: { at?: Date; numberId?: string } = {}): Promise<FlowPreview> {
  requirePartnerRole(ctx, 'member');
  const flow = await getFlow(ctx, flowId);
  const at = options.at ?? new Date();
  const db = getDb();
  const [mapped] = await db
    .select({ id: numbers.id, e164: numbers.e164 })
    .from(flowMappings)
    .innerJoin(numbers, eq(numbers.id, flowMappings.numberId))
    .where(and(eq(flowMappings.partnerId, ctx.partnerId), eq(flowMappings.flowId, flow.id), isNull(flowMappings.unmappedAt), options.numberId ? eq(flowMappings.numberId, options.numberId) : undefined))
    .orderBy(asc(flowMappings.id))
    .limit(1);
  const state = mapped ? await openStateOf(db, ctx.partnerId, mapped.id, at) : isOpen(null, at);
  const plan = await planEntry(db, flow, state, at, null);
  return { at, number: mapped?.e164 ?? null, steps: plan.steps.map((s) => ({ ...s, text: sentences[s.step]?.(s.detail) ?? s.step })) };
}
