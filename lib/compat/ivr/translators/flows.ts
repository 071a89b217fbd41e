import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { numbers } from '@/db/schema';
import { createFlowOperation, mapFlowOperation, toFlowResource, toMappingResource, updateFlowOperation } from '@/lib/api/operations/flows';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError, notFound } from '@/lib/errors/app-error';
import { createFlow, getFlow, updateFlow } from '@/lib/flows/manage-flows';
import { mapFlowToNumber, mappingHistory } from '@/lib/flows/map-flow';
import { available, type DataField } from '../endpoint';
import { text } from '../fields';

/** IVR Solutions' "Call Flows" group: basic flows and which DID runs them. */

const flowData: DataField[] = [
  { name: 'flow_id', from: 'id', note: 'The flow id (flw_…): what edit_basic_flow and map_flow_did take.' },
  { name: 'client_id', from: 'client_id' },
  { name: 'flow_name', from: 'name' },
  { name: 'agent_ext', from: 'agent_extension' },
  { name: 'recording_id', from: 'welcome_recording_id' },
  { name: 'transfer_to', from: 'transfer_to', note: 'An extension or a number in E.164.' },
  { name: 'wss_bot_id', from: 'bot_id' },
  { name: 'did_no', from: 'did_no', note: 'The number the flow runs on, when it was mapped by this call.' },
];

const clientIdField = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const flowIdField = text('flow_id', 'flow_id', { difference: 'The flow id (flw_…), of this client.' });

/** The flow, if it is the client's: another client's (or partner's) flow is not found. */
async function flowOfClient(ctx: ApiCtx, clientId: string, flowId: string) {
  const flow = await getFlow(ctx, flowId);
  if (flow.clientId !== clientId) throw notFound('Flow');
  return flow;
}

/** "The client's primary DID": its first assigned number, when did_no is left out. */
async function primaryNumber(ctx: ApiCtx, clientId: string) {
  const [row] = await getDb().select({ id: numbers.id }).from(numbers).where(and(eq(numbers.partnerId, ctx.partnerId), eq(numbers.clientId, clientId), eq(numbers.status, 'assigned'))).orderBy(asc(numbers.id)).limit(1);
  return row?.id ?? null;
}

/** IVR Solutions' field names on a domain error, so the answer names what the caller sent. */
const renamed: Record<string, string> = { name: 'flow_name', agentExtension: 'agent_ext', welcomeRecordingId: 'recording_id', transferTo: 'transfer_to', botId: 'wss_bot_id', number: 'did_no' };
async function inIvrTerms<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors) throw new AppError(error.code, error.message, Object.fromEntries(Object.entries(error.fieldErrors).map(([key, value]) => [renamed[key] ?? key, value])), error.headers, error.extensions);
    throw error;
  }
}

const optionalRef = (value: string | undefined) => (value === undefined ? undefined : value.trim() === '' || value.trim() === '0' ? null : value);

export const createBasicFlow = available({
  group: 'Call Flows',
  method: 'POST',
  path: 'create_basic_flow',
  summary: 'Create basic call flow',
  example: { client_id: 'CLIENTAPIKEY12345', flow_name: 'Support Flow', agent_ext: '2101', did_no: '+911143104501', recording_id: '2207' },
  rest: createFlowOperation,
  fields: {
    client_id: clientIdField,
    flow_name: text('flow_name', 'name'),
    agent_ext: text('agent_ext', 'agent_extension', { difference: 'An active agent of the client must have this extension.' }),
    did_no: text('did_no', 'did_no', { required: false, difference: 'One of the client’s numbers (E.164 or num_…); left out, the client’s first assigned number, or none if it has none.' }),
    recording_id: text('recording_id', 'recording_id', { required: false, difference: 'One of the client’s recordings (rcd_…).' }),
  },
  data: { shape: 'object', fields: flowData },
  differences: ['Mapping the number is the same step as map_flow_did: the number’s earlier flow, if any, stays in its history. A transfer target and a bot are set with edit_basic_flow.'],
  call: async (ctx, input) =>
    inIvrTerms(async () => {
      const flow = await createFlow(ctx, input.client_id, { name: input.name, agentExtension: input.agent_extension, welcomeRecordingId: optionalRef(input.recording_id) });
      const number = input.did_no ?? (await primaryNumber(ctx, input.client_id));
      if (!number) return { ...toFlowResource(flow), did_no: null };
      await mapFlowToNumber(ctx, flow.id, number);
      const [current] = await mappingHistory(ctx, { flowId: flow.id }, 1);
      return { ...toFlowResource(flow), did_no: current?.number ?? null };
    }),
  message: (flow) => (flow.did_no ? `Flow created and mapped to ${flow.did_no}` : 'Flow created'),
});

export const editBasicFlow = available({
  group: 'Call Flows',
  method: 'POST',
  path: 'edit_basic_flow',
  summary: 'Edit basic call flow',
  example: { client_id: 'CLIENTAPIKEY12345', flow_id: '10045', flow_name: 'Support Flow', recording_id: '2207', transfer_to: '2101', agent_ext: '2101', wss_bot_id: '77' },
  rest: updateFlowOperation,
  fields: {
    client_id: clientIdField,
    flow_id: flowIdField,
    flow_name: text('flow_name', 'name', { required: false }),
    recording_id: text('recording_id', 'recording_id', { required: false, difference: '"0" removes the welcome.' }),
    transfer_to: text('transfer_to', 'transfer_to', { required: false, difference: 'An extension of the client or a number in E.164; "0" removes it (refused while the flow has a bot).' }),
    agent_ext: text('agent_ext', 'agent_extension', { required: false }),
    wss_bot_id: text('wss_bot_id', 'bot_id', { required: false, difference: 'One of the client’s voice bots (vbot_…); "0" removes it. A flow with a bot needs transfer_to, where calls go when the bot fails.' }),
  },
  data: { shape: 'object', fields: flowData },
  differences: ['What is not sent stays as it is.'],
  call: async (ctx, input) =>
    inIvrTerms(async () => {
      await flowOfClient(ctx, input.client_id, input.flow_id);
      const flow = await updateFlow(ctx, input.flow_id, { name: input.name, agentExtension: input.agent_extension, welcomeRecordingId: optionalRef(input.recording_id), transferTo: optionalRef(input.transfer_to), botId: optionalRef(input.bot_id) });
      return { ...toFlowResource(flow), did_no: null };
    }),
  message: () => 'Flow updated',
});

export const mapFlowDid = available({
  group: 'Call Flows',
  method: 'POST',
  path: 'map_flow_did',
  summary: 'Map call flow with DID',
  example: { client_id: 'CLIENTAPIKEY12345', flow_id: '10045', did_no: '+911143104501' },
  rest: mapFlowOperation,
  fields: { client_id: clientIdField, flow_id: flowIdField, did_no: text('did_no', 'did_no', { difference: 'One of the client’s numbers, E.164 or num_….' }) },
  data: {
    shape: 'object',
    fields: [
      { name: 'flow_id', from: 'flow_id' },
      { name: 'flow_name', from: 'flow_name' },
      { name: 'did_no', from: 'number' },
      { name: 'mapped_at', from: 'mapped_at', note: 'Not an IVR Solutions field.' },
      { name: 'previous_flow_id', from: 'previous_flow_id', note: 'Not an IVR Solutions field: the flow the number ran before, or null.' },
    ],
  },
  differences: ['A number runs one flow: mapping another flow to it replaces the earlier one, which stays in the number’s history (GET /api/v1/numbers/{number_id}/flow).'],
  call: async (ctx, input) =>
    inIvrTerms(async () => {
      await flowOfClient(ctx, input.client_id, input.flow_id);
      const { previousFlowId, mapping } = await mapFlowToNumber(ctx, input.flow_id, input.did_no);
      const [current] = (await mappingHistory(ctx, { numberId: mapping.numberId }, 1)).map(toMappingResource);
      return { ...current!, previous_flow_id: previousFlowId === input.flow_id ? null : previousFlowId };
    }),
  message: (mapping) => `Flow mapped to ${mapping.number}`,
});

export const flowsGroup = [createBasicFlow, editBasicFlow, mapFlowDid];
