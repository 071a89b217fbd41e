import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password';
import { passwordSchema } from './password-policy';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('correct-horse-1'), hashPassword('correct-horse-1')]);
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toContain('correct-horse-1');
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct-horse-1');
    expect(await verifyPassword(hash, 'correct-horse-1')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-2')).toBe(false);
    expect(await verifyPassword(hash, 'Correct-horse-1')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('treats a missing or malformed hash as a wrong password instead of throwing', async () => {
    expect(await verifyPassword(null, 'anything-1')).toBe(false);
    expect(await verifyPassword(undefined, 'anything-1')).toBe(false);
    expect(await verifyPassword('', 'anything-1')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything-1')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=65536,t=3,p=4$broken', 'anything-1')).toBe(false);
  });

  it('answers an unknown account with false after doing the same work', async () => {
    expect(await verifyAgainstDecoy('whatever-1')).toBe(false);
    expect(await verifyAgainstDecoy('decoy-password-for-timing')).toBe(false);
  });
});

describe('passwordSchema', () => {
  it.each(['correct-horse-1', 'abcdefghi1', 'ñandú y 42!', 'a'.repeat(127) + '1'])('accepts %j', (password) => {
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it.each([
    ['abcdefgh1', 'Use at least 10 characters.'],
    ['a'.repeat(128) + '1', 'Use at most 128 characters.'],
    ['onlyletterstoo', 'Mix letters with digits or symbols.'],
    ['12345678901234', 'Mix letters with digits or symbols.'],
    ['!!!!----####', 'Mix letters with digits or symbols.'],
  ])('refuses %j: %s', (password, message) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
