/**
 * An IANA zone name (Asia/Kolkata, Europe/London, UTC), as this runtime's time-zone database knows it. Offsets
 * (+05:30) and abbreviations (IST, which means three different zones) are refused: only a named zone follows
 * its daylight-saving rules.
 */
const zoneName = /^(?:UTC|Etc\/[A-Za-z0-9+-]+|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

export function isTimeZone(value: string): boolean {
  if (!zoneName.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
