import { Time } from '@/components/console/time';

export type ActivityEntry = {
  id: string;
  createdAt: Date;
  action: string;
  /** Who, in words. */
  actor: string;
  /** What changed, in words (a status change, a reason), if the entry says. */
  detail: string | null;
};

/** An audit trail, newest first, as a compact list. */
export function ActivityList({ entries, empty = 'Nothing recorded yet.' }: { entries: readonly ActivityEntry[]; empty?: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" aria-label="Activity" data-testid="client-activity">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-4">
          <span className="shrink-0 text-slate-600 sm:w-44"><Time value={entry.createdAt} /></span>
          <span className="min-w-0">
            <code className="text-xs">{entry.action}</code> <span className="text-slate-600">by {entry.actor}</span>
            {entry.detail ? <span className="block break-words text-slate-800">{entry.detail}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
