import type { Agent } from '@/db/schema';

export type Availability = Agent['availability'];
export type ManualAvailability = NonNullable<Agent['queuedAvailability']>;

/**
 * What can happen to an agent. `set` is a person's choice (available, break, offline); the rest come from calls:
 * `offer` rings an available agent, `answer` puts them on the call, `no_answer` ends the ringing, `hang_up`
 * ends the call (into wrap-up), `wrap_up_done` ends the after-call work.
 */
export type AvailabilityEvent =
  | { type: 'set'; to: ManualAvailability }
  | { type: 'offer' }
  | { type: 'answer' }
  | { type: 'no_answer' }
  | { type: 'hang_up' }
  | { type: 'wrap_up_done' };

export type AgentState = { availability: Availability; queued: ManualAvailability | null };

export type Transition =
  | { ok: true; state: AgentState; changed: boolean; queued: boolean }
  | { ok: false; reason: string };

const onCall = (availability: Availability) => availability === 'ringing' || availability === 'on_call';

const to = (current: AgentState, next: AgentState, queued = false): Transition => ({
  ok: true,
  state: next,
  changed: next.availability !== current.availability,
  queued,
});

/**
 * The availability state machine, as a pure function so every path is tested without a database:
 * offline → available → ringing → on_call → wrap_up → available, and break. A choice made during a call
 * (ringing or on it) is queued, the latest choice winning, and applied when the call ends, instead of the
 * wrap-up; after an unanswered ring it is applied at once. During wrap-up a choice ends the wrap-up.
 */
export function transition(current: AgentState, event: AvailabilityEvent): Transition {
  const { availability, queued } = current;
  switch (event.type) {
    case 'set':
      if (onCall(availability)) return to(current, { availability, queued: event.to }, true);
      return to(current, { availability: event.to, queued: null });
    case 'offer':
      if (availability !== 'available') return { ok: false, reason: `The agent is ${describe(availability)}, not available.` };
      return to(current, { availability: 'ringing', queued: null });
    case 'answer':
      if (availability !== 'ringing') return { ok: false, reason: `The agent is ${describe(availability)}, not ringing.` };
      return to(current, { availability: 'on_call', queued });
    case 'no_answer':
      if (availability !== 'ringing') return { ok: false, reason: `The agent is ${describe(availability)}, not ringing.` };
      return to(current, { availability: queued ?? 'available', queued: null });
    case 'hang_up':
      if (availability !== 'on_call') return { ok: false, reason: `The agent is ${describe(availability)}, not on a call.` };
      return to(current, { availability: queued ?? 'wrap_up', queued: null });
    case 'wrap_up_done':
      if (availability !== 'wrap_up') return { ok: false, reason: `The agent is ${describe(availability)}, not in wrap-up.` };
      return to(current, { availability: 'available', queued: null });
  }
}

export const availabilityLabels: Record<Availability, string> = {
  offline: 'offline',
  available: 'available',
  ringing: 'ringing',
  on_call: 'on a call',
  wrap_up: 'in wrap-up',
  break: 'on a break',
};

const describe = (availability: Availability) => availabilityLabels[availability];
