import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db';
import { otpCodes } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { otpPolicy } from './otp-policy';

export { otpPolicy };

/** Counts one more resend against the registration's cap, or refuses it once the cap is reached. */
export function resendCount(registration: { otpResends: number }): number {
  if (registration.otpResends >= otpPolicy.maxResends) {
    const message = `No more codes can be sent for this registration: it has already had ${otpPolicy.maxResends} new codes. Cancel it and register again, or contact support.`;
    throw new AppError('otp_resend_limit', message);
  }
  return registration.otpResends + 1;
}

/** What a wrong code answers: how many tries are left, or that the code is now locked. */
export function wrongCodeMessage(failedAttempts: number, lead = 'That code is not right.'): string {
  const left = otpPolicy.maxFailedAttempts - failedAttempts;
  return left > 0 ? `${lead} ${left} attempt${left === 1 ? '' : 's'} left.` : `${lead} It is now locked: ask for a new code.`;
}

/** The fixed code every sandbox registration uses, so test integrations need no inbox. Documented in the API. */
export const sandboxOtp = '123456';

export type OtpChannel = 'email' | 'mobile';

/**
 * Codes are stored as an HMAC keyed with the platform's encryption key: a plain hash of six digits would fall
 * to a million guesses, a keyed one needs the key too.
 */
function otpDigest(registrationId: string, channel: OtpChannel, code: string): string {
  return createHmac('sha256', getConfig().encryptionKey).update(`otp:${registrationId}:${channel}:${code}`).digest('hex');
}

/** Issues a fresh code for one channel (replacing any earlier one) and returns it for the message. */
export async function issueOtp(tx: Tx, registrationId: string, channel: OtpChannel, sandbox: boolean, now = new Date()): Promise<string> {
  const code = sandbox ? sandboxOtp : String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = { codeHash: otpDigest(registrationId, channel, code), expiresAt: new Date(now.getTime() + otpPolicy.lifetimeMs), failedAttempts: 0, sentAt: now, verifiedAt: null };
  await tx
    .insert(otpCodes)
    .values({ registrationId, channel, ...row })
    .onConflictDoUpdate({ target: [otpCodes.registrationId, otpCodes.channel], set: row });
  return code;
}

/** Refuses a resend within the cool-down, saying how long to wait. */
export async function assertResendAllowed(tx: Tx, registrationId: string, channel: OtpChannel, now = new Date()): Promise<void> {
  const [current] = await tx.select().from(otpCodes).where(and(eq(otpCodes.registrationId, registrationId), eq(otpCodes.channel, channel))).for('update');
  if (!current || current.verifiedAt) return;
  const waitMs = current.sentAt.getTime() + otpPolicy.resendCooldownMs - now.getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('rate_limited', `A new ${channel === 'email' ? 'e-mail' : 'SMS'} code can be sent in ${seconds} seconds.`, { type: `Wait ${seconds} seconds before asking again.` }, { 'Retry-After': String(seconds) });
  }
}

/**
 * Checks a code for one channel. Wrong codes count; after five the code is locked until a new one is sent.
 * Returns the refusal instead of throwing it, so the caller can commit the counted attempt before answering.
 */
export async function checkOtp(tx: Tx, registrationId: string, channel: OtpChannel, code: string, now = new Date()): Promise<AppError | null> {
  try {
    await checkOtpOrThrow(tx, registrationId, channel, code, now);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

async function checkOtpOrThrow(tx: Tx, registrationId: string, channel: OtpChannel, code: string, now: Date): Promise<void> {
  const field = channel === 'email' ? 'email_otp' : 'mobile_otp';
  const [current] = await tx.select().from(otpCodes).where(and(eq(otpCodes.registrationId, registrationId), eq(otpCodes.channel, channel))).for('update');
  if (!current) throw new AppError('validation_failed', 'No code was sent for this yet; ask for a new one.', { [field]: 'Ask for a new code.' });
  if (current.verifiedAt) return;
  if (current.failedAttempts >= otpPolicy.maxFailedAttempts) {
    throw new AppError('locked', 'Too many wrong codes. Ask for a new code.', { [field]: 'Too many wrong codes. Ask for a new code.' });
  }
  if (current.expiresAt <= now) throw new AppError('validation_failed', 'This code has expired. Ask for a new one.', { [field]: 'This code has expired. Ask for a new one.' });

  const expected = Buffer.from(current.codeHash, 'hex');
  const given = Buffer.from(otpDigest(registrationId, channel, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    const failed = current.failedAttempts + 1;
    await tx.update(otpCodes).set({ failedAttempts: failed }).where(and(eq(otpCodes.registrationId, registrationId), eq(otpCodes.channel, channel)));
    const message = wrongCodeMessage(failed);
    throw new AppError('validation_failed', message, { [field]: message });
  }
  await tx.update(otpCodes).set({ verifiedAt: now }).where(and(eq(otpCodes.registrationId, registrationId), eq(otpCodes.channel, channel)));
}

/** Which channels of each registration have a code locked by too many wrong attempts (until a new one is sent). */
export async function otpLocksOf(q: Queryable, registrationIds: readonly string[]): Promise<Map<string, OtpChannel[]>> {
  const locks = new Map<string, OtpChannel[]>();
  if (registrationIds.length === 0) return locks;
  const rows = await q
    .select({ registrationId: otpCodes.registrationId, channel: otpCodes.channel })
    .from(otpCodes)
    .where(and(inArray(otpCodes.registrationId, [...registrationIds]), isNull(otpCodes.verifiedAt), gte(otpCodes.failedAttempts, otpPolicy.maxFailedAttempts)));
  for (const { registrationId, channel } of rows) locks.set(registrationId, [...(locks.get(registrationId) ?? []), channel]);
  return locks;
}

/** The locked channels of one registration (see otpLocksOf). */
export async function otpLocksFor(q: Queryable, registrationId: string): Promise<OtpChannel[]> {
  return (await otpLocksOf(q, [registrationId])).get(registrationId) ?? [];
}
