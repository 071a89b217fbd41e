import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token';

const key = `sk_live_${'a'.repeat(32)}`;

describe('bearerToken', () => {
  it('reads the token of the Bearer scheme, in any case, around surrounding spaces', () => {
    expect(bearerToken(`Bearer ${key}`)).toBe(key);
    expect(bearerToken(`bearer   ${key}  `)).toBe(key);
    expect(bearerToken(null)).toBeNull();
  });

  it('keeps whatever follows the token, so the key check refuses it', () => {
    expect(bearerToken(`Bearer ${key} junk`)).toBe(`${key} junk`);
    expect(bearerToken(`Bearer ${key},Bearer other`)).toBe(`${key},Bearer other`);
  });

  it('gives nothing for another scheme or a missing token', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBe('');
    expect(bearerToken('Bearer')).toBe('');
    expect(bearerToken('Bearer ')).toBe('');
    expect(bearerToken(key)).toBe('');
  });
});
