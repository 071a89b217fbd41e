import { describe, expect, it } from 'vitest';
import { MaskingSimulator, simulatedCallEvents } from './masking-simulator';

const call = (callee: string, durationSeconds = 125) =>
  simulatedCallEvents({ reference: 'msn_x', virtualNumber: '+918012345678', caller: { number: '+919811111111', leg: 'first_party' }, callee: { number: callee, leg: 'second_party' }, callTimeLimit: 600, ringTimeout: 45, record: true, durationSeconds, callId: 'c1', startedAt: new Date('2026-12-02T10:00:00Z') });

describe('masking simulator', () => {
  it('answers the same session id for the same reference, and refuses the magic party', async () => {
    const sim = new MaskingSimulator();
    const request = { reference: 'msn_1', virtualNumber: '+918012345678', firstParty: '+919811111111', secondParty: '+919822222222', sessionExpiry: 3600, callTimeLimit: 3600, ringTimeout: 120, record: false, initiateCallToFirstParty: false, callbackUrl: '/api/call_events' };
    expect(await sim.createMaskingSession(request)).toEqual(await sim.createMaskingSession(request));
    expect((await sim.createMaskingSession({ ...request, secondParty: '+919800000009' })).status).toBe('failed');
  });

  it('produces both legs of a bridged call, with the magic outcomes', () => {
    const answered = call('+919822222222');
    expect(answered.filter((e) => e.type === 'call.ended').map((e) => [e.direction, e.durationSeconds, e.outcome, Boolean(e.recordingUrl)])).toEqual([
      ['outbound', 125, 'completed', true],
      ['inbound', 129, 'completed', true],
    ]);
    expect(call('+919800000002').find((e) => e.direction === 'outbound' && e.type === 'call.ended')).toMatchObject({ outcome: 'no_answer', durationSeconds: 0 });
    expect(call('+919800000003').find((e) => e.direction === 'outbound' && e.type === 'call.ended')).toMatchObject({ outcome: 'busy', durationSeconds: 0 });
    expect(call('+919800000004', 30).find((e) => e.direction === 'outbound' && e.type === 'call.ended')?.durationSeconds).toBe(600);
    expect(new Set(answered.map((e) => e.eventId)).size).toBe(answered.length);
  });
});
