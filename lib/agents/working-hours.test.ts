import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique } from '@/test/factories';
import { applyAvailabilityEvent, setAgentAvailability } from './availability';
import { createAgent, getAgent } from './manage-agents';
import { applyWorkingHoursTo, getAgentSchedule, setAgentSchedule } from './working-hours';

async function agentWithHours(timezone: string, hours: { start: string; end: string }) {
  const ctx = systemFor((await makePartner('hrs')).id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  const agent = await createAgent(ctx, client.id, { name: 'Hours', email: `h-${unique()}@example.com`, phone: '+919812345678', password: 'Secure-pass-1' });
  const day = [hours];
  await setAgentSchedule(ctx, agent.id, { timezone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } });
  return { ctx, agent };
}

const at = (iso: string) => new Date(iso);
const availability = async (ctx: Parameters<typeof getAgent>[0], id: string) => (await getAgent(ctx, id)).availability;

describe('agent working hours (the schedule engine)', () => {
  it('moves an agent offline when hours end and back when they begin, at the boundaries only', async () => {
    const { ctx, agent } = await agentWithHours('Asia/Kolkata', { start: '09:00', end: '18:00' });
    expect(await getAgentSchedule(ctx, agent.id)).toMatchObject({ timezone: 'Asia/Kolkata' });
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T04:00:00Z')); // 09:30 IST: open, nothing to do
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T12:29:00Z')); // 17:59
    expect(await availability(ctx, agent.id)).toBe('available');
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T12:30:00Z')); // 18:00: closed
    expect(await availability(ctx, agent.id)).toBe('offline');
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-02T03:30:00Z')); // 09:00 next day
    expect(await availability(ctx, agent.id)).toBe('available');
  });

  it('lets a person override the hours until the next boundary, and never revives an agent who logged off', async () => {
    const { ctx, agent } = await agentWithHours('Asia/Kolkata', { start: '09:00', end: '18:00' });
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T13:00:00Z')); // after hours: offline
    await setAgentAvailability(ctx, agent.id, { availability: 'available' }); // overtime, by choice
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T14:00:00Z'));
    expect(await availability(ctx, agent.id)).toBe('available');
    await setAgentAvailability(ctx, agent.id, { availability: 'offline' }); // logs off for the night
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-02T03:30:00Z')); // hours begin: stays offline (they chose it)
    expect(await availability(ctx, agent.id)).toBe('offline');
  });

  it('queues the move offline while the agent is on a call, applied when it ends', async () => {
    const { ctx, agent } = await agentWithHours('Asia/Kolkata', { start: '09:00', end: '18:00' });
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    await applyAvailabilityEvent(ctx, agent.id, { type: 'offer' });
    await applyAvailabilityEvent(ctx, agent.id, { type: 'answer' });
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-12-01T12:30:00Z'));
    expect(await getAgent(ctx, agent.id)).toMatchObject({ availability: 'on_call', queuedAvailability: 'offline' });
    await applyAvailabilityEvent(ctx, agent.id, { type: 'hang_up' });
    expect(await availability(ctx, agent.id)).toBe('offline');
  });

  it('keeps to local wall-clock hours across a DST change (New York, 2026-03-08 and 2026-11-01)', async () => {
    const { ctx, agent } = await agentWithHours('America/New_York', { start: '09:00', end: '17:00' });
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    // Spring forward: 09:00 EDT is 13:00 UTC (it was 14:00 UTC the day before, in EST).
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-03-07T22:30:00Z')); // Saturday 17:30 EST: closed
    expect(await availability(ctx, agent.id)).toBe('offline');
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-03-08T12:59:00Z')); // Sunday 08:59 EDT
    expect(await availability(ctx, agent.id)).toBe('offline');
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-03-08T13:00:00Z')); // 09:00 EDT
    expect(await availability(ctx, agent.id)).toBe('available');
    // Fall back: 17:00 EST on 2026-11-01 is 22:00 UTC (21:00 UTC would still be 16:00).
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-11-01T21:59:00Z'));
    expect(await availability(ctx, agent.id)).toBe('available');
    await applyWorkingHoursTo(ctx, [agent.id], at('2026-11-01T22:00:00Z'));
    expect(await availability(ctx, agent.id)).toBe('offline');
  });
});
