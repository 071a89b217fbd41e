import { z } from 'zod';
import { getAgentScheduleOperation, setAgentScheduleOperation, toAgentResource, updateAgentOperation } from '@/lib/api/operations/agents';
import { toScheduleResource } from '@/lib/api/operations/schedule-resources';
import { setAgentCallerId } from '@/lib/agents/caller-id';
import { getAgent } from '@/lib/agents/manage-agents';
import { agentScheduleStatus, setAgentSchedule } from '@/lib/agents/working-hours';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError, notFound } from '@/lib/errors/app-error';
import { alwaysOpenWeek, defaultTimezone } from '@/lib/schedules/view';
import type { WeeklyHours } from '@/lib/schedules/types';
import { toWorkingHours, workingHoursSchema } from '@/lib/schedules/working-hours';
import { available, type DataField } from '../endpoint';
import { text, type IvrField } from '../fields';

/** IVR Solutions' update_agent_did, and the schedule half of "Agent Scheduling & Availability". */

const clientIdField = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const agentIdField = text('agent_id', 'agent_id', { difference: 'The agent id (agt_…), of this client.' });

async function agentOfClient(ctx: ApiCtx, clientId: string, agentId: string) {
  const agent = await getAgent(ctx, agentId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? notFound('Agent') : error;
  });
  if (agent.clientId !== clientId) throw notFound('Agent');
  return agent;
}

export const updateAgentDid = available({
  group: 'Agents',
  method: 'POST',
  path: 'update_agent_did',
  summary: 'Update agent DID',
  example: { client_id: 'CLIENTAPIKEY12345', agent_ext: '2101', did_num: '+911143104501' },
  rest: updateAgentOperation,
  fields: {
    client_id: clientIdField,
    agent_ext: text('agent_ext', 'extension', { difference: 'The extension of an agent of this client.' }),
    did_num: text('did_num', 'number', { difference: 'One of the client’s assigned numbers (E.164 or num_…); any other is refused with a pointer to did_num.' }),
  },
  data: {
    shape: 'object',
    fields: [
      { name: 'agent_id', from: 'agent.id' },
      { name: 'agent_ext', from: 'agent.extension' },
      { name: 'did_num', from: 'did_num' },
    ],
  },
  call: async (ctx, input) => {
    try {
      const agent = await setAgentCallerId(ctx, input.client_id, input.extension, input.number);
      return { agent: toAgentResource(agent), did_num: input.number };
    } catch (error) {
      if (error instanceof AppError && error.fieldErrors?.number) throw new AppError(error.code, error.message, { did_num: error.fieldErrors.number });
      throw error;
    }
  },
  message: (result) => `Agent ${result.agent.extension} now calls out as ${result.did_num}`,
});

const fallback = { timezone: defaultTimezone, weekly: alwaysOpenWeek() };

const scheduleData: DataField[] = [
  { name: 'timezone', from: 'timezone' },
  { name: 'working_hours', from: 'weekly', map: (weekly) => toWorkingHours(weekly as WeeklyHours), note: 'Keyed by day: {"open","close"}, a list for several ranges, null for a closed day.' },
  { name: 'open_now', from: 'status.open', note: 'Not an IVR Solutions field: whether the agent’s hours are open now.' },
];

export const getAgentScheduleEndpoint = available({
  group: 'Agent Scheduling & Availability',
  method: 'POST',
  path: 'get_agent_schedule',
  summary: 'Get agent availability schedule',
  example: { client_id: 'CLIENTAPIKEY12345', agent_id: '4821' },
  rest: getAgentScheduleOperation,
  fields: { client_id: clientIdField, agent_id: agentIdField },
  data: { shape: 'object', fields: scheduleData },
  differences: ['An agent without hours is shown open every day in Asia/Kolkata: hours never move such an agent.'],
  call: async (ctx, input) => {
    await agentOfClient(ctx, input.client_id, input.agent_id);
    const { view, status } = await agentScheduleStatus(ctx, input.agent_id);
    return toScheduleResource(view, status, fallback);
  },
  message: () => 'Agent schedule',
});

const workingHoursField: IvrField<'weekly', WeeklyHours | undefined> = {
  in: 'body',
  required: false,
  type: 'object',
  to: 'weekly',
  difference: 'Also accepts a list of {open, close} pairs for a split day, null or "closed" for a closed day, and 24:00; a close before open runs past midnight.',
  schema: z.preprocess((value) => (value === null || value === '' ? undefined : value), workingHoursSchema.optional()) as z.ZodType<WeeklyHours | undefined>,
};

export const setAgentScheduleEndpoint = available({
  group: 'Agent Scheduling & Availability',
  method: 'POST',
  path: 'set_agent_schedule',
  summary: 'Set agent availability schedule',
  example: { client_id: 'CLIENTAPIKEY12345', agent_id: '4821', timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' } } },
  rest: setAgentScheduleOperation,
  fields: { client_id: clientIdField, agent_id: agentIdField, timezone: text('timezone', 'timezone', { difference: 'An IANA zone, checked.' }), working_hours: workingHoursField },
  data: { shape: 'object', fields: scheduleData },
  differences: ['Days left out of working_hours are closed; without working_hours, only the zone changes. Outside the hours the agent is moved offline (after a call in progress), and back when they begin.'],
  call: async (ctx, input) => {
    await agentOfClient(ctx, input.client_id, input.agent_id);
    const current = await agentScheduleStatus(ctx, input.agent_id);
    const weekly = input.weekly ?? current.view?.weekly ?? {};
    await setAgentSchedule(ctx, input.agent_id, { timezone: input.timezone, weekly });
    const { view, status } = await agentScheduleStatus(ctx, input.agent_id);
    return toScheduleResource(view, status, fallback);
  },
  message: () => 'Agent schedule saved',
});

export const agentScheduleGroup = [getAgentScheduleEndpoint, setAgentScheduleEndpoint];
