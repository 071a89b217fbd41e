import { ivrGroups, type IvrGroup } from './endpoint';
import { ivrEndpoints } from './endpoints';
import { ivrPrefix } from './paths';

/** One row of the migration guide per IVR Solutions endpoint, straight from the mapping table the routes use. */
export type GuideField = { name: string; in: 'body' | 'path'; ivrRequired: boolean; type: string; ivrNote?: string; to: string | null; difference?: string };

export type GuideRow = {
  id: string;
  group: IvrGroup;
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  status: 'available' | 'coming';
  comesWith?: string;
  rest: { method: string; path: string; operationId: string; scope: string | null } | null;
  fields: GuideField[];
  data: { shape: 'object' | 'list'; fields: { name: string; from: string; note?: string }[] } | null;
  differences: string[];
  example?: Record<string, unknown>;
};

export function migrationGuide(): { groups: { name: IvrGroup; rows: GuideRow[] }[]; total: number; available: number } {
  const rows: GuideRow[] = ivrEndpoints.map((endpoint) => {
    const base = { id: endpoint.path.replace(/\{[^}]+\}/g, '').replace(/[^a-z0-9_]+/g, '-').replace(/-+$/, ''), group: endpoint.group, method: endpoint.method, path: `${ivrPrefix}/${endpoint.path}`, summary: endpoint.summary, example: endpoint.example };
    if (endpoint.status === 'coming') {
      return {
        ...base,
        status: 'coming',
        comesWith: endpoint.comesWith,
        rest: null,
        fields: Object.entries(endpoint.fields).map(([name, field]) => ({ name, in: field.in, ivrRequired: field.required, type: field.type, ivrNote: field.note, to: null })),
        data: null,
        differences: [],
      };
    }
    return {
      ...base,
      status: 'available',
      rest: { method: endpoint.rest.method, path: `/api/v1${endpoint.rest.path}`, operationId: endpoint.rest.operationId, scope: endpoint.rest.scope },
      fields: Object.entries(endpoint.fields).map(([name, field]) => ({ name, in: field.in, ivrRequired: field.required, type: field.type, ivrNote: field.note, to: field.to, difference: field.difference })),
      data: { shape: endpoint.data.shape, fields: endpoint.data.fields.map(({ name, from, note }) => ({ name, from, note })) },
      differences: endpoint.differences,
    };
  });
  return {
    groups: ivrGroups.map((name) => ({ name, rows: rows.filter((row) => row.group === name) })),
    total: rows.length,
    available: rows.filter((row) => row.status === 'available').length,
  };
}
