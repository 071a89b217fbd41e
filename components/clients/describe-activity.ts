type State = Record<string, unknown> | null;

const asState = (value: unknown): State => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/**
 * An audit entry's before/after in words: a status change and its reason first, then any other plain values
 * ("pan_status: verified"). Nested objects are left out; the Developers audit log shows the full JSON.
 */
export function describeChange(beforeValue: unknown, afterValue: unknown): string | null {
  const before = asState(beforeValue);
  const after = asState(afterValue);
  const parts: string[] = [];
  if (before?.status && after?.status && before.status !== after.status) parts.push(`Status ${String(before.status)} → ${String(after.status)}`);
  if (typeof after?.reason === 'string' && after.reason) parts.push(`Reason: ${after.reason}`);
  for (const [key, value] of Object.entries(after ?? {})) {
    if (key === 'reason' || (key === 'status' && before?.status)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') parts.push(`${key.replaceAll('_', ' ')}: ${String(value)}`);
  }
  return parts.length ? parts.join(' · ') : null;
}
