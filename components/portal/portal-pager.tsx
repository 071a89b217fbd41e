import Link from 'next/link';
import type { CursorPagination } from '@/lib/tables/table-params';

/** Newer / Older links under a portal list, paged by cursor on the server (the REST API's own parameters). */
export function PortalPager({ path, cursor, label }: { path: string; cursor: CursorPagination; label: string }) {
  if (!cursor.newer && !cursor.older) return null;
  const href = (params: Record<string, string | undefined>) => {
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return query.size ? `${path}?${query}` : path;
  };
  return (
    <nav aria-label={label} className="mt-3 flex justify-between text-sm">
      {cursor.newer ? (
        <Link href={href(cursor.newer)} className="text-brand-link underline">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {cursor.older ? (
        <Link href={href(cursor.older)} className="text-brand-link underline">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
