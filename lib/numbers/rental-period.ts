/**
 * IST billing months (`YYYY-MM`): a number's rental is charged once per month as India Standard Time counts
 * it (UTC+05:30, no daylight saving), so a month starts at 18:30 UTC on the last day of the one before.
 * A small helper of the numbers domain until the platform has shared billing periods.
 */
const istOffsetMs = (5 * 60 + 30) * 60_000;

export function istMonthOf(at: Date): string {
  return new Date(at.getTime() + istOffsetMs).toISOString().slice(0, 7);
}

export function nextMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** When an IST month begins, as an instant. */
export function monthStart(period: string): Date {
  return new Date(new Date(`${period}-01T00:00:00.000Z`).getTime() - istOffsetMs);
}
