import { describe, expect, it } from 'vitest';
import { transition, type AgentState, type AvailabilityEvent } from './state-machine';

const run = (start: AgentState, events: AvailabilityEvent[]) =>
  events.reduce<AgentState>((state, event) => {
    const result = transition(state, event);
    if (!result.ok) throw new Error(result.reason);
    return result.state;
  }, start);

const offline: AgentState = { availability: 'offline', queued: null };

describe('availability state machine', () => {
  it('walks offline → available → ringing → on_call → wrap_up → available', () => {
    const steps: AvailabilityEvent[] = [{ type: 'set', to: 'available' }, { type: 'offer' }, { type: 'answer' }, { type: 'hang_up' }, { type: 'wrap_up_done' }];
    const seen: string[] = [];
    steps.reduce<AgentState>((state, event) => {
      const result = transition(state, event);
      if (!result.ok) throw new Error(result.reason);
      seen.push(result.state.availability);
      return result.state;
    }, offline);
    expect(seen).toEqual(['available', 'ringing', 'on_call', 'wrap_up', 'available']);
  });

  it('queues a manual change made during a call and applies it when the call ends, instead of wrap-up', () => {
    const onCall = run(offline, [{ type: 'set', to: 'available' }, { type: 'offer' }, { type: 'answer' }]);
    const asked = transition(onCall, { type: 'set', to: 'break' });
    expect(asked).toMatchObject({ ok: true, queued: true, changed: false, state: { availability: 'on_call', queued: 'break' } });
    const ended = transition((asked as { state: AgentState }).state, { type: 'hang_up' });
    expect(ended).toMatchObject({ ok: true, state: { availability: 'break', queued: null } });
  });

  it('keeps the latest of several queued choices, and applies one queued while ringing after an unanswered ring', () => {
    const ringing = run(offline, [{ type: 'set', to: 'available' }, { type: 'offer' }]);
    const state = run(ringing, [{ type: 'set', to: 'break' }, { type: 'set', to: 'offline' }]);
    expect(state).toEqual({ availability: 'ringing', queued: 'offline' });
    expect(run(state, [{ type: 'no_answer' }])).toEqual({ availability: 'offline', queued: null });
  });

  it('does not let a queued "available" revive an agent who went offline before the call (the queue is cleared by a new ring)', () => {
    const state = run(offline, [{ type: 'set', to: 'available' }, { type: 'offer' }, { type: 'no_answer' }, { type: 'set', to: 'offline' }]);
    expect(state).toEqual({ availability: 'offline', queued: null });
    expect(transition(state, { type: 'offer' })).toMatchObject({ ok: false });
  });

  it('ends wrap-up at once on a manual change', () => {
    const wrapUp = run(offline, [{ type: 'set', to: 'available' }, { type: 'offer' }, { type: 'answer' }, { type: 'hang_up' }]);
    expect(run(wrapUp, [{ type: 'set', to: 'break' }])).toEqual({ availability: 'break', queued: null });
  });

  it.each([
    ['offer', 'break'],
    ['offer', 'offline'],
    ['answer', 'available'],
    ['hang_up', 'ringing'],
    ['wrap_up_done', 'on_call'],
    ['no_answer', 'on_call'],
  ] as const)('refuses %s while %s', (type, availability) => {
    expect(transition({ availability, queued: null }, { type } as AvailabilityEvent)).toMatchObject({ ok: false });
  });
});
