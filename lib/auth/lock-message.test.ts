import { describe, expect, it } from 'vitest';
import { lockMessage } from './lock-message';

describe('lockMessage', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  const inMinutes = (minutes: number) => new Date(now + minutes * 60_000);

  it('says the account is locked, and for how long', () => {
    expect(lockMessage({ locked: 'account', until: inMinutes(15) }, now)).toBe('Too many failed sign-in attempts. This account is locked for 15 more minutes; try again later.');
    expect(lockMessage({ locked: 'account', until: inMinutes(0.2) }, now)).toBe('Too many failed sign-in attempts. This account is locked for 1 more minute; try again later.');
  });

  it('says it is the network, not the account, when the IP is locked', () => {
    expect(lockMessage({ locked: 'ip', until: inMinutes(14.5) }, now)).toBe('Too many failed sign-ins from this network. Try again in 15 minutes.');
    expect(lockMessage({ locked: 'ip', until: inMinutes(1) }, now)).toBe('Too many failed sign-ins from this network. Try again in 1 minute.');
  });
});
