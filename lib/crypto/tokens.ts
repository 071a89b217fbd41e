import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A URL-safe secret with 256 bits of entropy, for invitation and onboarding links. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets that are long and random (link tokens, API keys) are stored as a SHA-256 digest: slow hashes add
 * nothing against 256 bits of entropy, and a digest can be looked up by index.
 */
export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A password that satisfies the password policy, for accounts created on someone's behalf. */
export function newTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const body = Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${body}-${randomInt(10, 99)}`;
}
