import { z } from 'zod';
import type { AgentView, WallboardAgent } from '@/lib/agents/agent-view';
import { todayCounters } from '@/lib/agents/agent-view';
import { agentFields, dialPreferences, extensionSchema, manualAvailabilities, permissionGroups } from '@/lib/agents/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';
import { scheduleExample, scheduleResource } from './schedule-resources';
import { setWeeklyHoursSchema } from '@/lib/schedules/schemas';

const availabilities = ['offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break'] as const;
const availabilityNote =
  'Availability is a state machine run by the server: `offline` → `available` → `ringing` → `on_call` → `wrap_up` → `available`, and `break`. People choose `available`, `break` or `offline`; the call states follow calls. A choice made while ringing or on a call is queued (`queued_availability`) and applied when the call ends, instead of wrap-up. Wrap-up ends by itself after the platform’s wrap-up time (30 seconds unless configured), the agent becoming `available` as of that moment.';

export const agentResource = z
  .object({
    object: z.literal('agent'),
    id: idOf('agt', 'The agent’s id.'),
    client_id: idOf('cli', 'The client the agent works for.'),
    name: z.string(),
    email: z.string(),
    phone: z.string().meta({ description: 'E.164.' }),
    extension: z.string().meta({ description: 'Unique within the client.' }),
    reporting_manager_id: z.string().nullable(),
    manager_id: z.string().nullable(),
    webrtc: z.boolean(),
    dial_preference: z.enum(dialPreferences),
    permission_group: z.enum(permissionGroups),
    status: z.enum(['active', 'inactive']).meta({ description: '`inactive` after deactivation: the agent keeps its extension and history and takes no calls.' }),
    deactivated_at: timestamp.nullable(),
    availability: z.enum(availabilities),
    availability_since: timestamp,
    queued_availability: z.enum(manualAvailabilities).nullable().meta({ description: 'A choice waiting for the current call to end.' }),
    calls_today: z.number().int().meta({ description: 'Calls answered today (Asia/Kolkata).' }),
    talk_seconds_today: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Agent' });

const agentExample = {
  object: 'agent',
  id: 'agt_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Asha Rao',
  email: 'asha@bluebird.example',
  phone: '+919876543210',
  extension: '2001',
  reporting_manager_id: null,
  manager_id: null,
  webrtc: true,
  dial_preference: 'webrtc',
  permission_group: 'agent',
  status: 'active',
  deactivated_at: null,
  availability: 'available',
  availability_since: '2026-12-01T04:30:00.000Z',
  queued_availability: null,
  calls_today: 12,
  talk_seconds_today: 2140,
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-12-01T04:30:00.000Z',
};

export function toAgentResource(agent: AgentView) {
  const counters = todayCounters(agent);
  return {
    object: 'agent' as const,
    id: agent.id,
    client_id: agent.clientId,
    name: agent.name,
    email: agent.email,
    phone: agent.phone,
    extension: agent.extension,
    reporting_manager_id: agent.reportingManagerId,
    manager_id: agent.managerId,
    webrtc: agent.webrtc,
    dial_preference: agent.dialPreference,
    permission_group: agent.permissionGroup,
    status: agent.status,
    deactivated_at: agent.deactivatedAt,
    availability: agent.availability,
    availability_since: agent.availabilitySince,
    queued_availability: agent.queuedAvailability,
    calls_today: counters.callsToday,
    talk_seconds_today: counters.talkSecondsToday,
    created_at: agent.createdAt,
    updated_at: agent.updatedAt,
  };
}

/** REST body fields (snake_case) → the domain's input. */
export function agentInputOf(body: Record<string, unknown>) {
  const { reporting_manager_id, manager_id, dial_preference, permission_group, ...rest } = body;
  return { ...rest, reportingManagerId: reporting_manager_id, managerId: manager_id, dialPreference: dial_preference, permissionGroup: permission_group };
}

const agentIdParams = z.strictObject({ agent_id: idOf('agt', 'The agent’s id.') });

export const createAgentOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/agents',
  operationId: 'createAgent',
  summary: 'Add an agent',
  description: 'Adds an agent to a client. Without `extension` the lowest free one in the client’s range (2001–2999 unless set otherwise) is given; a taken one answers 409 with a pointer to `extension`. The password is for the agent’s softphone sign-in: stored hashed, never returned. New agents start `offline`.',
  tag: 'Agents',
  scope: 'agents:write',
  params: clientIdParams,
  body: z.strictObject({
    name: agentFields.name,
    email: agentFields.email,
    phone: agentFields.phone,
    password: agentFields.password,
    extension: extensionSchema.optional(),
    reporting_manager_id: agentFields.reportingManagerId,
    manager_id: agentFields.managerId,
    webrtc: z.boolean().optional(),
    dial_preference: z.enum(dialPreferences).optional(),
    permission_group: z.enum(permissionGroups).optional().meta({ description: 'The client’s groups: `admin`, `supervisor` or `agent` (default).' }),
  }),
  bodyExample: { name: 'Asha Rao', email: 'asha@bluebird.example', phone: '+919876543210', password: 'Secure-pass-2101', permission_group: 'agent' },
  response: { status: 201, description: 'The agent.', schema: agentResource, example: agentExample },
  errors: ['not_found', 'conflict'],
});

export const listAgentsOperation = defineOperation({
  method: 'GET',
  path: '/agents',
  operationId: 'listAgents',
  summary: 'List agents',
  description: 'The partner’s agents, newest first, of one client and in one status when asked.',
  tag: 'Agents',
  scope: 'agents:read',
  query: z.strictObject({
    ...listParamsShape,
    client_id: idOf('cli', 'Only this client’s agents.').optional(),
    status: z.enum(['active', 'inactive']).optional(),
  }),
  response: { status: 200, description: 'A page of agents.', schema: pageOf(agentResource), example: { object: 'list', data: [agentExample], has_more: false } },
});

export const getAgentOperation = defineOperation({
  method: 'GET',
  path: '/agents/{agent_id}',
  operationId: 'getAgent',
  summary: 'Get an agent',
  description: `One agent with its availability. ${availabilityNote}`,
  tag: 'Agents',
  scope: 'agents:read',
  params: agentIdParams,
  response: { status: 200, description: 'The agent.', schema: agentResource, example: agentExample },
  errors: ['not_found'],
});

export const updateAgentOperation = defineOperation({
  method: 'PATCH',
  path: '/agents/{agent_id}',
  operationId: 'updateAgent',
  summary: 'Update an agent',
  description: 'Changes any of the agent’s fields; fields left out stay. A new `password` replaces the old one. Deactivated agents cannot be changed (409).',
  tag: 'Agents',
  scope: 'agents:write',
  params: agentIdParams,
  body: z.strictObject({
    name: agentFields.name.optional(),
    email: agentFields.email.optional(),
    phone: agentFields.phone.optional(),
    password: agentFields.password.optional(),
    extension: extensionSchema.optional(),
    reporting_manager_id: agentFields.reportingManagerId.optional(),
    manager_id: agentFields.managerId.optional(),
    webrtc: z.boolean().optional(),
    dial_preference: z.enum(dialPreferences).optional(),
    permission_group: z.enum(permissionGroups).optional(),
  }),
  bodyExample: { extension: '2105', permission_group: 'supervisor' },
  response: { status: 200, description: 'The agent.', schema: agentResource, example: agentExample },
  errors: ['not_found', 'conflict'],
});

export const deactivateAgentOperation = defineOperation({
  method: 'POST',
  path: '/agents/{agent_id}/deactivate',
  operationId: 'deactivateAgent',
  summary: 'Deactivate an agent',
  description: 'Sets the agent `inactive` and `offline`: it takes no calls and keeps its extension and history. Refused (409) while the agent is ringing or on a call. Repeating it changes nothing.',
  tag: 'Agents',
  scope: 'agents:write',
  params: agentIdParams,
  response: { status: 200, description: 'The deactivated agent.', schema: agentResource, example: { ...agentExample, status: 'inactive', availability: 'offline', deactivated_at: '2026-12-01T09:00:00.000Z' } },
  errors: ['not_found', 'conflict'],
});

export const setAgentAvailabilityOperation = defineOperation({
  method: 'PUT',
  path: '/agents/{agent_id}/availability',
  operationId: 'setAgentAvailability',
  summary: 'Set an agent’s availability',
  description: `${availabilityNote} The answer says whether the choice was applied or queued.`,
  tag: 'Agents',
  scope: 'agents:write',
  params: agentIdParams,
  body: z.strictObject({ availability: z.enum(manualAvailabilities).meta({ description: 'What the agent chooses.' }) }),
  bodyExample: { availability: 'break' },
  response: {
    status: 200,
    description: 'The agent, and whether the change waits for a call to end.',
    schema: z.object({ object: z.literal('agent_availability_change'), queued: z.boolean(), agent: agentResource }).meta({ id: 'AgentAvailabilityChange' }),
    example: { object: 'agent_availability_change', queued: false, agent: { ...agentExample, availability: 'break' } },
  },
  errors: ['not_found', 'conflict'],
});

export const wallboardAgentResource = z
  .object({
    id: idOf('agt', 'The agent’s id.'),
    client_id: idOf('cli', 'Its client.'),
    name: z.string(),
    extension: z.string(),
    status: z.enum(['active', 'inactive']).meta({ description: 'An agent arriving with `inactive` was just deactivated and leaves the board.' }),
    availability: z.enum(availabilities),
    availability_since: timestamp.meta({ description: 'Since when it is in this state: time in state is now minus this.' }),
    queued_availability: z.enum(manualAvailabilities).nullable(),
    calls_today: z.number().int(),
    talk_seconds_today: z.number().int(),
  })
  .meta({ id: 'AgentAvailability' });

const wallboardAgentExample: WallboardAgent = {
  id: 'agt_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Asha Rao',
  extension: '2001',
  status: 'active',
  availability: 'on_call',
  availability_since: '2026-12-01T09:14:05.000Z',
  queued_availability: null,
  calls_today: 12,
  talk_seconds_today: 2140,
};

const availabilityQuery = z.strictObject({ client_id: idOf('cli', 'Only this client’s agents; left out, every client’s.').optional() });

export const getAgentsAvailabilityOperation = defineOperation({
  method: 'GET',
  path: '/agents/availability',
  operationId: 'getAgentsAvailability',
  summary: 'Get every agent’s availability',
  description: 'Every active agent (up to 1000; filter by client for more) with its state, time in state and today’s calls and talk time: the wallboard’s snapshot. For changes as they happen, use the stream.',
  tag: 'Agents',
  scope: 'agents:read',
  query: availabilityQuery,
  response: {
    status: 200,
    description: 'The snapshot.',
    schema: z.object({ object: z.literal('agent_availability_snapshot'), at: timestamp, agents: z.array(wallboardAgentResource) }).meta({ id: 'AgentAvailabilitySnapshot' }),
    example: { object: 'agent_availability_snapshot', at: '2026-12-01T09:15:00.000Z', agents: [wallboardAgentExample] },
  },
  errors: ['not_found'],
});

export const streamAgentsAvailabilityOperation = defineOperation({
  method: 'GET',
  path: '/agents/availability/stream',
  operationId: 'streamAgentsAvailability',
  summary: 'Stream agents’ availability (SSE)',
  description:
    'A server-sent event stream (`text/event-stream`) for partner systems and wallboards: first a `snapshot` event (`{clients, agents, at}`), then an `agent` event with an agent’s new state each time one changes, on whichever app instance it changed, within about a second. A comment line every 15 s keeps it open; reconnect (EventSource does, after `retry`) to get a fresh snapshot. The connection counts once against the rate limit.',
  tag: 'Agents',
  scope: 'agents:read',
  query: availabilityQuery,
  response: {
    status: 200,
    description: 'The stream; each `agent` event’s `data` is one agent as below.',
    schema: wallboardAgentResource,
    example: wallboardAgentExample,
    contentType: 'text/event-stream',
  },
  errors: ['not_found'],
});

export const getAgentScheduleOperation = defineOperation({
  method: 'GET',
  path: '/agents/{agent_id}/schedule',
  operationId: 'getAgentSchedule',
  summary: 'Get an agent’s working hours',
  description: 'The agent’s working hours (zone, weekly ranges, holidays) and whether they are open now. Without hours an agent is never moved by them (`status.reason` `no_schedule`). When hours end the agent is moved offline (queued during a call); when they begin, an agent the hours moved offline is made available. A choice made in between stands until the next boundary.',
  tag: 'Agents',
  scope: 'agents:read',
  params: agentIdParams,
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});

export const setAgentScheduleOperation = defineOperation({
  method: 'PUT',
  path: '/agents/{agent_id}/schedule',
  operationId: 'setAgentSchedule',
  summary: 'Set an agent’s working hours',
  description: 'Replaces the agent’s zone and weekly hours (several ranges a day, `24:00`, overnight ranges); holidays stay. The next minute’s check applies them.',
  tag: 'Agents',
  scope: 'agents:write',
  params: agentIdParams,
  body: setWeeklyHoursSchema,
  bodyExample: { timezone: 'Asia/Kolkata', weekly: scheduleExample.weekly },
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});
