import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from './schema';

const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
const assigned = (line: string) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
const commentedOut = (line: string) => /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];

describe('.env.example', () => {
  it('documents every variable the server reads, set or commented out', () => {
    const documented = new Set(lines.map((line) => assigned(line) ?? commentedOut(line)).filter(Boolean));
    for (const name of Object.keys(configSchema.shape)) if (name !== 'NODE_ENV') expect(documented, name).toContain(name);
  });

  it('leaves the test knobs commented out, as it says: copied to .env, it sets none of them', () => {
    const testKnobs = ['WORKER_POLL_MS', 'WEBHOOK_LEASE_MS', 'CHROMIUM_PATH', 'E2E_PORT'];
    const set = lines.map(assigned).filter((name): name is string => Boolean(name));
    expect(set.filter((name) => testKnobs.includes(name))).toEqual([]);
    for (const knob of testKnobs) expect(lines.map(commentedOut), knob).toContain(knob);
  });
});
