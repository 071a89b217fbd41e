import type { FaceEndpoint, Method } from './endpoint';

/** One row of a JSON face's migration guide (UChat's, Flowmatix's) per endpoint, straight from the mapping table its routes use. */
export type JsonGuideField = { name: string; in: 'body' | 'path' | 'query'; required: boolean; type: string; to: string; difference?: string };

export type JsonGuideRow<G extends string> = {
  id: string;
  group: G;
  method: Method;
  path: string;
  summary: string;
  status: 'available' | 'refused';
  scope: string | null;
  rest: { method: string; path: string; operationId: string }[];
  refusal: { code: string; reason: string } | null;
  fields: JsonGuideField[];
  answer: { name: string; from: string; note?: string }[];
  differences: string[];
  example?: Record<string, unknown>;
};

export type JsonGuide<G extends string> = { groups: { name: G; rows: JsonGuideRow<G>[] }[]; total: number; refused: number };

/** The guide of one face: its endpoints under `prefix`, in the order of its groups (empty groups left out). */
export function jsonFaceMigrationGuide<G extends string>(endpoints: FaceEndpoint<G>[], groups: readonly G[], prefix: string): JsonGuide<G> {
  const rows: JsonGuideRow<G>[] = endpoints.map((endpoint) => ({
    id: `${endpoint.method.toLowerCase()}-${endpoint.path.replace(/\{[^}]+\}/g, 'id').replace(/[^a-z0-9]+/g, '-')}`,
    group: endpoint.group,
    method: endpoint.method,
    path: `${prefix}/${endpoint.path}`,
    summary: endpoint.summary,
    status: endpoint.status,
    scope: endpoint.scope,
    rest: endpoint.status === 'available' ? endpoint.rest.map((op) => ({ method: op.method, path: `/api/v1${op.path}`, operationId: op.operationId })) : [],
    refusal: endpoint.status === 'refused' ? { code: endpoint.code, reason: endpoint.reason } : null,
    fields: Object.entries(endpoint.fields).map(([name, field]) => ({ name, in: field.in, required: field.required, type: field.type, to: field.to, difference: field.difference })),
    answer: endpoint.status === 'available' ? endpoint.answer : [],
    differences: endpoint.differences,
    example: endpoint.example,
  }));
  return {
    groups: groups.map((name) => ({ name, rows: rows.filter((row) => row.group === name) })).filter((group) => group.rows.length),
    total: rows.length,
    refused: rows.filter((row) => row.status === 'refused').length,
  };
}
