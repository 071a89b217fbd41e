import { agents, type Agent } from '@/db/schema';

/** Everything that may be shown of an agent: never its password hash. */
export const agentColumns = {
  id: agents.id,
  clientId: agents.clientId,
  name: agents.name,
  email: agents.email,
  phone: agents.phone,
  extension: agents.extension,
  reportingManagerId: agents.reportingManagerId,
  managerId: agents.managerId,
  webrtc: agents.webrtc,
  dialPreference: agents.dialPreference,
  callerIdNumberId: agents.callerIdNumberId,
  permissionGroup: agents.permissionGroup,
  status: agents.status,
  deactivatedAt: agents.deactivatedAt,
  availability: agents.availability,
  availabilitySince: agents.availabilitySince,
  queuedAvailability: agents.queuedAvailability,
  statsDay: agents.statsDay,
  callsToday: agents.callsToday,
  talkSecondsToday: agents.talkSecondsToday,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
};

export type AgentView = Omit<Agent, 'passwordHash' | 'partnerId' | 'hoursState' | 'offlineByHours'>;

/** The day the counters count, in the time zone the product reports in. */
export function statsDayOf(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Today's counters: yesterday's figures read as zero until the first call of the day resets them. */
export function todayCounters(agent: Pick<AgentView, 'statsDay' | 'callsToday' | 'talkSecondsToday'>, now = new Date()) {
  return agent.statsDay === statsDayOf(now) ? { callsToday: agent.callsToday, talkSecondsToday: agent.talkSecondsToday } : { callsToday: 0, talkSecondsToday: 0 };
}

/** What goes to the wallboard and the availability stream: small, public, no contact details. */
export type WallboardAgent = {
  id: string;
  client_id: string;
  name: string;
  extension: string;
  status: 'active' | 'inactive';
  availability: AgentView['availability'];
  availability_since: string;
  queued_availability: AgentView['queuedAvailability'];
  calls_today: number;
  talk_seconds_today: number;
};

export function toWallboardAgent(agent: AgentView, now = new Date()): WallboardAgent {
  const counters = todayCounters(agent, now);
  return {
    id: agent.id,
    client_id: agent.clientId,
    name: agent.name,
    extension: agent.extension,
    status: agent.status,
    availability: agent.availability,
    availability_since: new Date(agent.availabilitySince).toISOString(),
    queued_availability: agent.queuedAvailability,
    calls_today: counters.callsToday,
    talk_seconds_today: counters.talkSecondsToday,
  };
}
