import { agentInputOf, createAgentOperation, deactivateAgentOperation, getAgentsAvailabilityOperation, setAgentAvailabilityOperation, toAgentResource, updateAgentOperation } from '@/lib/api/operations/agents';
import { setAgentAvailability } from '@/lib/agents/availability';
import { createAgent, deactivateAgent, getAgent } from '@/lib/agents/manage-agents';
import { updateAgent } from '@/lib/agents/manage-agents';
import { getWallboard } from '@/lib/agents/wallboard';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError, invalid, notFound } from '@/lib/errors/app-error';
import { available, type DataField } from '../endpoint';
import { text } from '../fields';

/** IVR Solutions' "Agents" group and the availability half of "Agent Scheduling & Availability". */

const flag = (value: unknown) => (value === true ? '1' : value === false ? '0' : null);

const agentData: DataField[] = [
  { name: 'agent_id', from: 'id', note: 'The agent id (agt_…): what edit_agent, delete_agent and the availability calls take.' },
  { name: 'client_id', from: 'client_id' },
  { name: 'name', from: 'name' },
  { name: 'email', from: 'email' },
  { name: 'phonenumber', from: 'phone', note: 'E.164.' },
  { name: 'extension', from: 'extension' },
  { name: 'reporting_manager', from: 'reporting_manager_id' },
  { name: 'manager', from: 'manager_id' },
  { name: 'is_webrtc', from: 'webrtc', map: flag, note: '"1" or "0".' },
  { name: 'dial_preference', from: 'dial_preference', map: (value) => (value === 'phone' ? '2' : '1'), note: '"1" WebRTC, "2" phone.' },
  { name: 'permission_group', from: 'permission_group', map: (value) => ({ admin: '1', supervisor: '2', agent: '3' })[String(value)] ?? null, note: '"1" admin, "2" supervisor, "3" agent.' },
  { name: 'status', from: 'status', map: (value) => (value === 'active' ? '1' : '0'), note: '"1" active, "0" deactivated.' },
  { name: 'availability', from: 'availability', note: 'Not an IVR Solutions field: offline, available, ringing, on_call, wrap_up or break.' },
];

const words = <T extends string>(field: string, table: Record<string, T>, hint: string) => (value: string | undefined): T | undefined => {
  if (value === undefined) return undefined;
  const word = table[value.trim().toLowerCase()];
  if (!word) throw invalid(field, `${field}: ${hint}`);
  return word;
};
const webrtcOf = words('is_webrtc', { '1': 'on', '0': 'off', true: 'on', false: 'off', yes: 'on', no: 'off' } as Record<string, 'on' | 'off'>, 'Send "1" or "0".');
const dialOf = words('dial_preference', { '1': 'webrtc', '2': 'phone', webrtc: 'webrtc', phone: 'phone' }, 'Send "1" (WebRTC) or "2" (phone).');
const groupOf = words('permission_group', { '1': 'admin', '2': 'supervisor', '3': 'agent', admin: 'admin', supervisor: 'supervisor', agent: 'agent' }, 'Send "1" admin, "2" supervisor or "3" agent.');

/** An agent's caller-id number is set by update_agent_did (it checks the number is the client's); here it is refused rather than dropped. */
function refuseDid(didNum: string | undefined) {
  if (didNum !== undefined) throw invalid('did_num', 'did_num: set the agent’s caller-id number with update_agent_did; leave did_num out here.');
}

const agentFields = (required: boolean) => ({
  name: text('name', 'name', { required, ivrRequired: true }),
  email: text('email', 'email', { required, ivrRequired: true }),
  phonenumber: text('phonenumber', 'phone', { required, ivrRequired: true, difference: 'Stored in E.164; a bare 10-digit number is read as +91.' }),
  password: text('password', 'password', { required, ivrRequired: true, difference: 'At least 10 characters mixing letters with digits or symbols; stored hashed.' }),
  extension: text('extension', 'extension', { required: false, difference: 'Unique within the client; left out, the lowest free one from 2001.' }),
  reporting_manager: text('reporting_manager', 'reporting_manager_id', { required: false, difference: 'Another agent of the client, by its agent id (agt_…).' }),
  manager: text('manager', 'manager_id', { required: false, difference: 'Another agent of the client, by its agent id (agt_…).' }),
  is_webrtc: text('is_webrtc', 'webrtc', { required: false, difference: '"1" or "0".' }),
  dial_preference: text('dial_preference', 'dial_preference', { required: false, difference: '"1" WebRTC, "2" phone.' }),
  did_num: text('did_num', 'did_num', { required: false, difference: 'Not taken here: update_agent_did sets the caller-id number; a did_num sent is refused (400).' }),
  permission_group: text('permission_group', 'permission_group', { required: false, difference: '"1" admin, "2" supervisor, "3" agent (or the words).' }),
});

type AgentFieldsIn = { name?: string; email?: string; phone?: string; password?: string; extension?: string; reporting_manager_id?: string; manager_id?: string; webrtc?: string; dial_preference?: string; did_num?: string; permission_group?: string };

function domainInput(input: AgentFieldsIn) {
  refuseDid(input.did_num);
  const webrtc = webrtcOf(input.webrtc);
  return agentInputOf({
    name: input.name,
    email: input.email,
    phone: input.phone,
    password: input.password,
    extension: input.extension,
    reporting_manager_id: input.reporting_manager_id,
    manager_id: input.manager_id,
    webrtc: webrtc === undefined ? undefined : webrtc === 'on',
    dial_preference: dialOf(input.dial_preference),
    permission_group: groupOf(input.permission_group),
  });
}

/** The agent, if it works for the client named: an agent of another client (or partner) is not found. */
async function agentOfClient(ctx: ApiCtx, clientId: string, agentId: string) {
  const agent = await getAgent(ctx, agentId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? notFound('Agent') : error;
  });
  if (agent.clientId !== clientId) throw notFound('Agent');
  return agent;
}

const clientIdField = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const agentIdField = text('agent_id', 'agent_id', { difference: 'The agent id (agt_…), of this client.' });

export const addAgent = available({
  group: 'Agents',
  method: 'POST',
  path: 'add_agent',
  summary: 'Add agent',
  example: { client_id: 'CLIENTAPIKEY12345', name: 'Acme Corp', email: 'ops@acme.com', phonenumber: '9876543210', password: 'SecurePass@123', extension: '2101', reporting_manager: '1', manager: '1', is_webrtc: '1', dial_preference: '1', did_num: '+911143104501', permission_group: '2' },
  rest: createAgentOperation,
  fields: { client_id: clientIdField, ...agentFields(true) },
  data: { shape: 'object', fields: agentData },
  call: async (ctx, { client_id, ...input }) => toAgentResource(await createAgent(ctx, client_id, domainInput(input))),
  message: () => 'Agent added',
});

export const editAgent = available({
  group: 'Agents',
  method: 'POST',
  path: 'edit_agent',
  summary: 'Edit agent',
  example: { client_id: 'CLIENTAPIKEY12345', agent_id: '4821', name: 'Acme Corp', email: 'ops@acme.com', phonenumber: '9876543210', password: 'SecurePass@123', extension: '2101', reporting_manager: '1', manager: '1', is_webrtc: '1', dial_preference: '1', did_num: '+911143104501', permission_group: '2' },
  rest: updateAgentOperation,
  fields: { client_id: clientIdField, agent_id: agentIdField, ...agentFields(false) },
  data: { shape: 'object', fields: agentData },
  differences: ['Every field but client_id and agent_id may be left out: what is not sent stays as it is.'],
  call: async (ctx, { client_id, agent_id, ...input }) => {
    await agentOfClient(ctx, client_id, agent_id);
    return toAgentResource(await updateAgent(ctx, agent_id, domainInput(input)));
  },
  message: () => 'Agent updated',
});

export const deleteAgent = available({
  group: 'Agents',
  method: 'POST',
  path: 'delete_agent',
  summary: 'Delete agent (set status to 0)',
  example: { client_id: 'CLIENTAPIKEY12345', agent_id: '4821' },
  rest: deactivateAgentOperation,
  fields: { client_id: clientIdField, agent_id: agentIdField },
  data: { shape: 'object', fields: agentData },
  differences: ['Deactivates (status "0"): the agent keeps its extension and history. Refused (409) while the agent is on a call.'],
  call: async (ctx, { client_id, agent_id }) => {
    await agentOfClient(ctx, client_id, agent_id);
    return toAgentResource(await deactivateAgent(ctx, agent_id));
  },
  message: () => 'Agent deactivated',
});

const availableWords: Record<string, 'available' | 'offline' | 'break'> = { '1': 'available', '0': 'offline', online: 'available', available: 'available', offline: 'offline', break: 'break', '2': 'break' };

export const updateAgentAvailability = available({
  group: 'Agent Scheduling & Availability',
  method: 'POST',
  path: 'update_agent_availability',
  summary: 'Update agent availability status (online/offline)',
  example: { client_id: 'CLIENTAPIKEY12345', agent_id: '4821', available: '1' },
  rest: setAgentAvailabilityOperation,
  fields: { client_id: clientIdField, agent_id: agentIdField, available: text('available', 'availability', { difference: '"1" available, "0" offline, "2" (or break) on a break. During a call the change waits for the call to end (data.queued_availability).' }) },
  data: { shape: 'object', fields: [...agentData, { name: 'queued_availability', from: 'queued_availability', note: 'Not an IVR Solutions field: a change waiting for the current call to end.' }] },
  call: async (ctx, { client_id, agent_id, availability }) => {
    const word = availableWords[availability.trim().toLowerCase()];
    if (!word) throw invalid('available', 'available: Send "1" (available), "0" (offline) or "2" (break).');
    await agentOfClient(ctx, client_id, agent_id);
    return toAgentResource((await setAgentAvailability(ctx, agent_id, { availability: word })).agent);
  },
  message: (agent) => (agent.queued_availability ? `Agent is on a call: ${agent.queued_availability} applies when it ends` : `Agent is ${agent.availability}`),
});

export const getAgentsAvailability = available({
  group: 'Agent Scheduling & Availability',
  method: 'POST',
  path: 'get_agents_availability',
  summary: 'Get all agents with availability status',
  example: { client_id: 'CLIENTAPIKEY12345' },
  rest: getAgentsAvailabilityOperation,
  fields: { client_id: clientIdField },
  data: {
    shape: 'list',
    fields: [
      { name: 'agent_id', from: 'id' },
      { name: 'name', from: 'name' },
      { name: 'extension', from: 'extension' },
      { name: 'available', from: 'availability', map: (value) => (value === 'offline' || value === 'break' ? '0' : '1'), note: '"1" online (available, ringing, on a call or in wrap-up), "0" offline or on a break.' },
      { name: 'availability', from: 'availability', note: 'Not an IVR Solutions field: the state in words.' },
      { name: 'availability_since', from: 'availability_since', note: 'Not an IVR Solutions field.' },
      { name: 'calls_today', from: 'calls_today', note: 'Not an IVR Solutions field.' },
      { name: 'talk_seconds_today', from: 'talk_seconds_today', note: 'Not an IVR Solutions field.' },
    ],
  },
  differences: ['For changes as they happen, the REST stream GET /api/v1/agents/availability/stream sends each one (server-sent events).'],
  call: async (ctx, { client_id }) => (await getWallboard(ctx, { clientId: client_id })).agents,
  message: (agents) => `${agents.length} agents`,
});

export const agentsGroup = [addAgent, editAgent, deleteAgent];
export const agentAvailabilityGroup = [updateAgentAvailability, getAgentsAvailability];
