import { afterEach, describe, expect, it, vi } from 'vitest';
import { indiaCircles } from './india-circles';
import { carrierSimulatorRules, InventorySimulator, simulatedInventory, slowProvisioningMs } from './inventory-simulator';

const simulator = new InventorySimulator();
afterEach(() => vi.useRealTimers());

describe('the carrier simulator’s inventory', () => {
  it('is the same on every run and covers all 22 circles with every type and the magic numbers', () => {
    const inventory = simulatedInventory();
    expect(indiaCircles).toHaveLength(22);
    for (const circle of indiaCircles) {
      for (const type of ['local', 'mobile', 'toll_free'] as const) {
        const numbers = inventory.filter((n) => n.region === circle.code && n.type === type);
        expect(numbers.length, `${circle.code} ${type}`).toBeGreaterThanOrEqual(10);
        for (const ending of ['1111', '2222', '3333']) expect(numbers.some((n) => n.e164.endsWith(ending)), `${circle.code} ${type} ${ending}`).toBe(true);
      }
    }
    expect(new Set(inventory.map((n) => n.e164)).size).toBe(inventory.length);
    expect(inventory.filter((n) => n.type === 'local' && n.region === 'DL').every((n) => /^\+9111[46]\d{7}$/.test(n.e164))).toBe(true);
    expect(inventory.filter((n) => n.type === 'toll_free').every((n) => /^\+911800\d{7}$/.test(n.e164))).toBe(true);
    expect(inventory.filter((n) => n.type === 'mobile').every((n) => /^\+91[6-9]\d{9}$/.test(n.e164))).toBe(true);
  });

  it('searches in each pattern mode', async () => {
    const starts = await simulator.search({ country: 'IN', region: 'MU', type: 'local', pattern: '224', mode: 'starts_with', limit: 50 });
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((n) => n.e164.startsWith('+91224'))).toBe(true);
    const ends = await simulator.search({ country: 'IN', pattern: '3333', mode: 'ends_with', limit: 500 });
    expect(ends.length).toBeGreaterThanOrEqual(22 * 3);
    expect(ends.every((n) => n.e164.endsWith('3333'))).toBe(true);
    const contains = await simulator.search({ country: 'IN', region: 'KA', pattern: '80', mode: 'contains', limit: 5 });
    expect(contains.every((n) => n.e164.slice(3).includes('80'))).toBe(true);
    expect(await simulator.search({ country: 'IN', region: 'ZZ', limit: 5 })).toEqual([]);
  });
});

describe('the carrier simulator’s provisioning', () => {
  it('answers each magic value as published', async () => {
    expect((await simulator.provision({ e164: '+911140011111', reference: 'p' })).status).toBe('taken');
    expect((await simulator.provision({ e164: '+911140022222', reference: 'p' })).status).toBe('failed');
    expect((await simulator.provision({ e164: '+911143104501', reference: 'p' })).status).toBe('active');
    expect(carrierSimulatorRules.provisioning.map((r) => r.when)).toContain('the number ends in 3333');
  });

  it('completes a slow provisioning on its own, 30 seconds later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const pending = await simulator.provision({ e164: '+911140033333', reference: 'p' });
    if (pending.status !== 'pending') throw new Error('expected pending');
    expect((await simulator.provisioningStatus({ e164: '+911140033333', carrierRef: pending.carrierRef, reference: 'p' })).status).toBe('pending');
    vi.setSystemTime(Date.now() + slowProvisioningMs);
    expect((await simulator.provisioningStatus({ e164: '+911140033333', carrierRef: pending.carrierRef, reference: 'p' })).status).toBe('active');
  });
});
