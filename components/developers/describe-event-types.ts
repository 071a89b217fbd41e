/** An endpoint's subscription in a few words, for lists. */
export function describeEventTypes(types: readonly string[]): string {
  if (types.includes('*')) return 'All events';
  return types.length === 1 ? types[0]! : `${types.length} event types`;
}
