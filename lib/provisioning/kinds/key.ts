/** A stable key from a name: lower case, words joined by dashes (`Order status bot` → `order-status-bot`). */
export function slugKey(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'item'
  );
}
