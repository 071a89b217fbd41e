import { z } from 'zod';
import type { Flow, FlowCall } from '@/db/schema';
import { flowFields, simulateFlowCallSchema, transferTargetSchema } from '@/lib/flows/schemas';
import type { FlowCallView } from '@/lib/flows/flow-calls';
import type { MappingView } from '@/lib/flows/map-flow';
import type { FlowPreview } from '@/lib/flows/preview';
import { extensionSchema } from '@/lib/agents/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

const flowNote = 'A call to a number runs its flow: closed (working hours or a holiday) → the closed message; open → the welcome recording → the voice bot (if any) or the agent at `agent_extension`; no answer, busy, an unavailable agent or a failing bot → `transfer_to`.';

export const flowResource = z
  .object({
    object: z.literal('flow'),
    id: idOf('flw', 'The flow’s id.'),
    client_id: idOf('cli', 'The client the flow belongs to.'),
    name: z.string(),
    welcome_recording_id: z.string().nullable(),
    agent_extension: z.string(),
    transfer_to: z.string().nullable().meta({ description: 'An extension of the client or a number in E.164.' }),
    bot_id: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Flow' });

const flowExample = { object: 'flow', id: 'flw_01kaz3d4mqf2v8n6w0c1e5rj7t', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Support line', welcome_recording_id: null, agent_extension: '2001', transfer_to: '+919876543210', bot_id: null, created_at: '2026-12-01T09:00:00.000Z', updated_at: '2026-12-01T09:00:00.000Z' };

export const toFlowResource = (flow: Flow) => ({
  object: 'flow' as const,
  id: flow.id,
  client_id: flow.clientId,
  name: flow.name,
  welcome_recording_id: flow.welcomeRecordingId,
  agent_extension: flow.agentExtension,
  transfer_to: flow.transferTo,
  bot_id: flow.botId,
  created_at: flow.createdAt,
  updated_at: flow.updatedAt,
});

/** REST body fields (snake_case) → the domain's input. */
export function flowInputOf(body: Record<string, unknown>) {
  const { welcome_recording_id, agent_extension, transfer_to, bot_id, ...rest } = body;
  return { ...rest, welcomeRecordingId: welcome_recording_id, agentExtension: agent_extension, transferTo: transfer_to, botId: bot_id };
}

const flowIdParams = z.strictObject({ flow_id: idOf('flw', 'The flow’s id.') });
const numberIdParams = z.strictObject({ number_id: idOf('num', 'The number’s id.') });
const ref = (prefix: string, description: string) => z.string().max(64).nullable().optional().meta({ description, example: null, pattern: `^${prefix}_` });

const flowBody = {
  name: flowFields.name,
  welcome_recording_id: ref('rcd', 'One of the client’s recordings; null: no welcome.'),
  agent_extension: extensionSchema,
  transfer_to: transferTargetSchema.nullable().optional(),
  bot_id: ref('vbot', 'One of the client’s voice bots, which takes the call first; needs `transfer_to`.'),
};

export const createFlowOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/flows',
  operationId: 'createFlow',
  summary: 'Create a call flow',
  description: `Creates a client’s basic flow. ${flowNote} The recording, the bot and the agents named must be the client’s (400 with a pointer otherwise); a name is unique within the client (409).`,
  tag: 'Flows',
  scope: 'flows:write',
  params: clientIdParams,
  body: z.strictObject(flowBody),
  bodyExample: { name: 'Support line', agent_extension: '2001', transfer_to: '+919876543210' },
  response: { status: 201, description: 'The flow.', schema: flowResource, example: flowExample },
  errors: ['not_found', 'conflict'],
});

export const listFlowsOperation = defineOperation({
  method: 'GET',
  path: '/flows',
  operationId: 'listFlows',
  summary: 'List call flows',
  description: 'The partner’s flows, newest first, of one client when asked.',
  tag: 'Flows',
  scope: 'flows:read',
  query: z.strictObject({ ...listParamsShape, client_id: idOf('cli', 'Only this client’s flows.').optional() }),
  response: { status: 200, description: 'A page of flows.', schema: pageOf(flowResource), example: { object: 'list', data: [flowExample], has_more: false } },
});

export const getFlowOperation = defineOperation({
  method: 'GET',
  path: '/flows/{flow_id}',
  operationId: 'getFlow',
  summary: 'Get a call flow',
  description: `One flow. ${flowNote}`,
  tag: 'Flows',
  scope: 'flows:read',
  params: flowIdParams,
  response: { status: 200, description: 'The flow.', schema: flowResource, example: flowExample },
  errors: ['not_found'],
});

export const updateFlowOperation = defineOperation({
  method: 'PATCH',
  path: '/flows/{flow_id}',
  operationId: 'updateFlow',
  summary: 'Update a call flow',
  description: 'Changes any of the flow’s fields; fields left out stay, null clears the recording, the bot or the transfer target. Calls already in progress finish the way they started.',
  tag: 'Flows',
  scope: 'flows:write',
  params: flowIdParams,
  body: z.strictObject({ ...flowBody, name: flowBody.name.optional(), agent_extension: extensionSchema.optional() }),
  bodyExample: { transfer_to: '2002' },
  response: { status: 200, description: 'The flow.', schema: flowResource, example: { ...flowExample, transfer_to: '2002' } },
  errors: ['not_found', 'conflict'],
});

const mappingResource = z
  .object({ object: z.literal('flow_mapping'), id: idOf('fmp', 'The mapping’s id.'), flow_id: z.string(), flow_name: z.string(), number_id: z.string(), number: z.string(), mapped_at: timestamp, unmapped_at: timestamp.nullable().meta({ description: 'null for the mapping in force.' }) })
  .meta({ id: 'FlowMapping' });
const mappingExample = { object: 'flow_mapping', id: 'fmp_01kaz3d4mqf2v8n6w0c1e5rj7t', flow_id: flowExample.id, flow_name: 'Support line', number_id: 'num_01kaz3d4mqf2v8n6w0c1e5rj7t', number: '+911143104501', mapped_at: '2026-12-01T09:05:00.000Z', unmapped_at: null };
export const toMappingResource = (m: MappingView) => ({ object: 'flow_mapping' as const, id: m.id, flow_id: m.flowId, flow_name: m.flowName, number_id: m.numberId, number: m.number, mapped_at: m.mappedAt, unmapped_at: m.unmappedAt });

export const mapFlowOperation = defineOperation({
  method: 'PUT',
  path: '/numbers/{number_id}/flow',
  operationId: 'mapFlowToNumber',
  summary: 'Run a flow on a number',
  description: 'Makes one of the client’s numbers run this flow from now on; the flow it ran before (if any) is unmapped and stays in the history. A number runs one flow: two mappings at once take turns, the later one wins. Sends `flow.mapped`.',
  tag: 'Flows',
  scope: 'flows:write',
  params: numberIdParams,
  body: z.strictObject({ flow_id: idOf('flw', 'The flow to run.') }),
  bodyExample: { flow_id: flowExample.id },
  response: { status: 200, description: 'The number’s mappings, the one in force first.', schema: pageOf(mappingResource), example: { object: 'list', data: [mappingExample], has_more: false } },
  errors: ['not_found'],
});

export const listNumberFlowsOperation = defineOperation({
  method: 'GET',
  path: '/numbers/{number_id}/flow',
  operationId: 'getNumberFlowHistory',
  summary: 'A number’s flow and its history',
  description: 'The flows a number has run, newest first; the first with `unmapped_at` null is the one in force.',
  tag: 'Flows',
  scope: 'flows:read',
  params: numberIdParams,
  response: { status: 200, description: 'The number’s mappings.', schema: pageOf(mappingResource), example: { object: 'list', data: [mappingExample], has_more: false } },
  errors: ['not_found'],
});

const stepResource = z.object({ step: z.string(), at: timestamp, detail: z.string().optional() });
const previewResource = z.object({ object: z.literal('flow_preview'), at: timestamp, number: z.string().nullable(), steps: z.array(stepResource.extend({ text: z.string() })) }).meta({ id: 'FlowPreview' });

export const previewFlowOperation = defineOperation({
  method: 'GET',
  path: '/flows/{flow_id}/preview',
  operationId: 'previewFlow',
  summary: 'Preview a call flow',
  description: 'What a call arriving now (or at `at`) would do, step by step, from the number’s working hours and holidays and the agents’ availability now.',
  tag: 'Flows',
  scope: 'flows:read',
  params: flowIdParams,
  query: z.strictObject({ at: z.iso.datetime({ offset: true }).optional() }),
  response: { status: 200, description: 'The steps.', schema: previewResource, example: { object: 'flow_preview', at: '2026-12-01T09:10:00.000Z', number: '+911143104501', steps: [{ step: 'received', at: '2026-12-01T09:10:00.000Z', text: 'The call arrives.' }, { step: 'open', at: '2026-12-01T09:10:00.000Z', text: 'The number is open.' }, { step: 'ring_agent', at: '2026-12-01T09:10:00.000Z', detail: 'Asha Rao, extension 2001', text: 'Asha Rao, extension 2001 is available and rings; if they do not answer, the call goes to the transfer target.' }] } },
  errors: ['not_found'],
});
export const toPreviewResource = (p: FlowPreview) => ({ object: 'flow_preview' as const, at: p.at, number: p.number, steps: p.steps });

const legResource = z.object({ id: z.string(), leg: z.string(), direction: z.string(), from: z.string(), to: z.string(), outcome: z.string().nullable(), duration_seconds: z.number().nullable(), billed_minutes: z.number().nullable(), amount: z.number().nullable().meta({ description: 'Paise.' }), charge_status: z.string().nullable() });
const flowCallResource = z
  .object({
    object: z.literal('flow_call'),
    id: idOf('fcl', 'The flow call’s id.'),
    flow_id: z.string().nullable(),
    client_id: z.string(),
    number: z.string(),
    from: z.string(),
    call_id: z.string().meta({ description: 'The carrier’s call id: its legs’ `call_id`.' }),
    status: z.enum(['in_progress', 'completed']),
    outcome: z.string().nullable().meta({ description: '`agent`, `bot`, `transfer`, `closed`, `holiday`, `abandoned` or `unreachable`.' }),
    path: z.array(stepResource),
    legs: z.array(legResource).optional(),
    amount: z.number().optional().meta({ description: 'What the legs cost together, paise.' }),
    started_at: timestamp,
    ended_at: timestamp.nullable(),
  })
  .meta({ id: 'FlowCall' });
const flowCallExample = {
  object: 'flow_call',
  id: 'fcl_01kaz3d4mqf2v8n6w0c1e5rj7t',
  flow_id: flowExample.id,
  client_id: flowExample.client_id,
  number: '+911143104501',
  from: '+919812345678',
  call_id: 'sim-3f7d0a52-5a55-4f4f-9e0c-8d1b3b1f0a11',
  status: 'completed',
  outcome: 'agent',
  path: [
    { step: 'received', at: '2026-12-01T09:10:00.000Z' },
    { step: 'open', at: '2026-12-01T09:10:00.000Z' },
    { step: 'ring_agent', at: '2026-12-01T09:10:00.000Z', detail: 'Asha Rao, extension 2001' },
    { step: 'agent_answered', at: '2026-12-01T09:10:08.000Z' },
    { step: 'agent_hung_up', at: '2026-12-01T09:11:43.000Z', detail: '95 s' },
    { step: 'ended', at: '2026-12-01T09:11:44.000Z' },
  ],
  legs: [{ id: 'call_01kaz3d4mqf2v8n6w0c1e5rj7t', leg: 'inbound', direction: 'inbound', from: '+919812345678', to: '+911143104501', outcome: 'completed', duration_seconds: 104, billed_minutes: 2, amount: 120, charge_status: 'charged' }],
  amount: 300,
  started_at: '2026-12-01T09:10:00.000Z',
  ended_at: '2026-12-01T09:11:44.000Z',
};
export const toFlowCallResource = (call: FlowCall | FlowCallView) => ({
  object: 'flow_call' as const,
  id: call.id,
  flow_id: call.flowId,
  client_id: call.clientId,
  number: call.number,
  from: call.fromNumber,
  call_id: call.carrierCallId,
  status: call.status,
  outcome: call.outcome,
  path: call.path,
  ...('legs' in call ? { legs: call.legs.map((l) => ({ id: l.id, leg: l.leg, direction: l.direction, from: l.from, to: l.to, outcome: l.outcome, duration_seconds: l.durationSeconds, billed_minutes: l.billedMinutes, amount: l.amount === null ? null : Number(l.amount), charge_status: l.chargeStatus })), amount: Number(call.amount) } : {}),
  started_at: call.startedAt,
  ended_at: call.endedAt,
});

export const simulateFlowCallOperation = defineOperation({
  method: 'POST',
  path: '/numbers/{number_id}/simulate_call',
  operationId: 'simulateFlowCall',
  summary: 'Ring a number in the call simulator',
  description: 'Test mode only: rings one of your client’s numbers as a caller would, through the flow it runs, with the agent, bot and transfer target behaving as asked. The events go through the same ingestion as the carrier’s: the path, legs, charges and the agent’s availability are real. 409 when the number runs no flow.',
  tag: 'Flows',
  scope: 'flows:write',
  params: numberIdParams,
  body: z.strictObject({ from: simulateFlowCallSchema.shape.from, agent: simulateFlowCallSchema.shape.agent.optional(), bot: simulateFlowCallSchema.shape.bot.optional(), transfer: simulateFlowCallSchema.shape.transfer.optional(), talk_seconds: z.number().int().min(1).max(3600).optional() }),
  bodyExample: { agent: 'no_answer', talk_seconds: 95 },
  response: { status: 200, description: 'The call with its path and legs.', schema: flowCallResource, example: flowCallExample },
  errors: ['not_found', 'conflict', 'forbidden'],
});

export const listFlowCallsOperation = defineOperation({
  method: 'GET',
  path: '/flow_calls',
  operationId: 'listFlowCalls',
  summary: 'List calls through flows',
  description: 'Calls that ran a flow, newest first, of one flow or one number when asked, each with its path.',
  tag: 'Flows',
  scope: 'flows:read',
  query: z.strictObject({ ...listParamsShape, flow_id: idOf('flw', 'Only this flow’s calls.').optional(), number_id: idOf('num', 'Only this number’s calls.').optional() }),
  response: { status: 200, description: 'A page of flow calls.', schema: pageOf(flowCallResource), example: { object: 'list', data: [{ ...flowCallExample, legs: undefined, amount: undefined }], has_more: false } },
});

export const getFlowCallOperation = defineOperation({
  method: 'GET',
  path: '/flow_calls/{flow_call_id}',
  operationId: 'getFlowCall',
  summary: 'Get a call through a flow',
  description: 'One call with its path through the flow, its legs and what they cost.',
  tag: 'Flows',
  scope: 'flows:read',
  params: z.strictObject({ flow_call_id: idOf('fcl', 'The flow call’s id.') }),
  response: { status: 200, description: 'The flow call.', schema: flowCallResource, example: flowCallExample },
  errors: ['not_found'],
});
