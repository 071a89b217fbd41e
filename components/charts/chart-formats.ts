/** Rupees from paise, exact (₹1,23,456.78), for a chart's table. */
export const rupees = (paise: number) => new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(paise / 100);

/** Rupees from paise, short (₹1.2L), for a chart's axis. */
export const rupeesShort = (paise: number) => new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', notation: 'compact', maximumFractionDigits: 1 }).format(paise / 100);

export const count = (n: number) => new Intl.NumberFormat('en-IN').format(n);
export const countShort = (n: number) => new Intl.NumberFormat('en-IN', { notation: 'compact', maximumFractionDigits: 1 }).format(n);

export const bytes = (n: number) => {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) [value, unit] = [value / 1000, unit + 1];
  return `${new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
};

const monthName = new Intl.DateTimeFormat('en-IN', { month: 'short', year: '2-digit', timeZone: 'UTC' });
/** `2026-11` → "Nov 26". */
export const monthLabel = (key: string) => monthName.format(new Date(`${key}-01T00:00:00Z`));

export const usageKindLabels = { call_minutes: 'Call minutes', masking_minutes: 'Masking minutes', messages: 'Messages', api_requests: 'API requests', storage_bytes: 'Storage', flow_executions: 'Flow executions' } as const;
