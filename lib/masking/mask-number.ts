/**
 * A number as it may be shown once its session has ended, or to someone it does not belong to: the country
 * code's first digits and the last two, the rest starred (`+91 ••••••••10`), enough to tell two apart in a
 * list without giving either away.
 */
export function maskNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length <= 4) return '••••';
  return `+${digits.slice(0, 2)} ${'•'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}
