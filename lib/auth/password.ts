import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes, parallelism 4): above OWASP's minimum and about
 * 40 ms here, which is also a natural brake on guessing.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed hash is a wrong password, not a crash
  }
}

/**
 * Verifying against a fixed hash when the account does not exist keeps the answer time the same, so response
 * times do not reveal which e-mail addresses have accounts.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
  return false;
}
