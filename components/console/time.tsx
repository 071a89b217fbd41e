/** A moment shown the same on the server and in every browser (UTC), machine-readable for assistive tech. */
export function Time({ value, empty = '—', withSeconds = false }: { value: Date | string | null | undefined; empty?: string; withSeconds?: boolean }) {
  if (!value) return <span className="text-slate-500">{empty}</span>;
  const date = typeof value === 'string' ? new Date(value) : value;
  const iso = date.toISOString();
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {iso.slice(0, withSeconds ? 19 : 16).replace('T', ' ')} UTC
    </time>
  );
}

/** True when the moment is still ahead (a secret that still signs, a delivery still due). */
export function isFuture(value: Date | null | undefined, now = Date.now()): boolean {
  return value ? value.getTime() > now : false;
}
