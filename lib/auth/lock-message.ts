import type { ThrottleLock } from './login-throttle';

/**
 * What the sign-in form says while a lock is in force. It names what is locked: a person whose office shares
 * an address with someone guessing passwords is told it is the network, not their account, that has to wait.
 */
export function lockMessage(lock: ThrottleLock, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((lock.until.getTime() - now) / 60_000));
  const plural = minutes === 1 ? '' : 's';
  return lock.locked === 'ip'
    ? `Too many failed sign-ins from this network. Try again in ${minutes} minute${plural}.`
    : `Too many failed sign-in attempts. This account is locked for ${minutes} more minute${plural}; try again later.`;
}
