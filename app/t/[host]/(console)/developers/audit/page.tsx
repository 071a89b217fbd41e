import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditLogTable, type AuditTableRow } from '@/components/developers/audit-log-table';
import { buttonClasses } from '@/components/ui/button';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';
import { FormField, TextField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { listApiKeys } from '@/lib/api-keys/manage-api-keys';
import type { ActorType } from '@/lib/audit/context';
import { listAuditLog, type AuditEntryView } from '@/lib/audit/list-audit';
import { requireConsoleSession } from '@/lib/auth/session';
import { listTeam } from '@/lib/team/list-team';

export const metadata: Metadata = { title: 'Audit log' };

const actorTypeLabels: Record<ActorType, string> = {
  partner_user: 'Team member',
  api_key: 'API key',
  operator: 'Platform operator',
  client_member: 'Client member',
  system: 'System',
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** "api_key" means every api_key.… action; "api_key.created" that one action. */
function actionQuery(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.includes('.') ? text : `${text}.*`;
}

function compact(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx, dataCtx, environment } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [50, 100] });
  const cursor = parseCursorParams(query);
  const action = first(query.action)?.slice(0, 100);
  const targetId = first(query.target_id)?.slice(0, 64);
  const actorTypeParam = first(query.actor_type);
  const actorType = actorTypeParam && actorTypeParam in actorTypeLabels ? (actorTypeParam as ActorType) : undefined;

  // Names for the ids in the log: people and keys belong to the live partner in either mode.
  const [entries, team, keys] = await Promise.all([
    listAuditLog(dataCtx, { ...cursor, limit: table.pageSize, action: actionQuery(action), target_id: targetId, actor_type: actorType }),
    listTeam(ctx),
    listApiKeys(ctx),
  ]);
  const people = new Map(team.map((member) => [member.id, member.name]));
  const keyNames = new Map(keys.map((key) => [key.id, key.name]));
  const actorLabel = (entry: AuditEntryView): string => {
    if (entry.actorType === 'partner_user') return (entry.actorId && people.get(entry.actorId)) ?? 'Former team member';
    if (entry.actorType === 'api_key') return entry.actorId && keyNames.has(entry.actorId) ? `API key “${keyNames.get(entry.actorId)}”` : 'API key';
    return actorTypeLabels[entry.actorType];
  };
  const rows: AuditTableRow[] = entries.data.map((entry) => ({
    id: entry.id,
    createdAt: entry.createdAt,
    actor: actorLabel(entry),
    actorId: entry.actorType === 'partner_user' || entry.actorType === 'api_key' ? entry.actorId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    before: compact(entry.before),
    after: compact(entry.after),
  }));
  const filtered = Boolean(action || targetId || actorType);

  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">Audit log</h2>
        <p className="text-sm text-slate-600">
          Every change made {environment === 'test' ? 'in test mode' : 'to your account'}, by whom and from where, newest first.
        </p>
      </div>
      {/* A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */}
      <form method="get" role="search" aria-label="Filter the audit log" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <TextField label="Action" name="action" defaultValue={action ?? ''} placeholder="api_key or api_key.created" fieldClassName="w-full sm:w-64" autoComplete="off" />
        <TextField label="Target id" name="target_id" defaultValue={targetId ?? ''} placeholder="we_… or key_…" fieldClassName="w-full sm:w-64" autoComplete="off" />
        <FormField label="Actor" name="actor_type" className="w-full sm:w-44">
          {(control) => (
            <Select {...control} defaultValue={actorType ?? ''}>
              <option value="">All</option>
              {Object.entries(actorTypeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
            Filter
          </button>
          {filtered ? (
            <Link href="/developers/audit" className={buttonClasses({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <AuditLogTable
        data={rows}
        total={rows.length}
        page={1}
        pageSize={table.pageSize}
        sort={table.sort}
        pageSizes={[50, 100]}
        cursor={cursorPagination(cursor, entries)}
        emptyMessage={filtered ? 'No entries match these filters.' : 'Nothing recorded yet.'}
      />
    </section>
  );
}
