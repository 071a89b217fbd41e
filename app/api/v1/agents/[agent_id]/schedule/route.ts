import { getAgentScheduleOperation, setAgentScheduleOperation } from '@/lib/api/operations/agents';
import { toScheduleResource } from '@/lib/api/operations/schedule-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { agentScheduleStatus, setAgentSchedule } from '@/lib/agents/working-hours';
import { alwaysOpenWeek, defaultTimezone } from '@/lib/schedules/view';

const fallback = { timezone: defaultTimezone, weekly: alwaysOpenWeek() };

// GET/PUT /api/v1/agents/:agent_id/schedule – the agent's working hours
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getAgentScheduleOperation, async ({ ctx, params }) => {
    const { view, status } = await agentScheduleStatus(ctx, params.agent_id);
    return toScheduleResource(view, status, fallback);
  }),
  PUT: apiRoute(setAgentScheduleOperation, async ({ ctx, params, body }) => {
    await setAgentSchedule(ctx, params.agent_id, body);
    const { view, status } = await agentScheduleStatus(ctx, params.agent_id);
    return toScheduleResource(view, status, fallback);
  }),
});
