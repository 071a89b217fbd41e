import type { Method } from '../json-face/endpoint';
import { flowmatixGroups, type FlowmatixGroup } from './endpoint';
import { flowmatixEndpoints } from './endpoints';
import { flowmatixPrefix } from './paths';

/** One row of the Flowmatix migration guide per endpoint, straight from the mapping table the routes use. */
export type FlowmatixGuideField = { name: string; in: 'body' | 'path' | 'query'; required: boolean; type: string; to: string; difference?: string };

export type FlowmatixGuideRow = {
  id: string;
  group: FlowmatixGroup;
  method: Method;
  path: string;
  summary: string;
  status: 'available' | 'refused';
  scope: string | null;
  rest: { method: string; path: string; operationId: string }[];
  refusal: { code: string; reason: string } | null;
  fields: FlowmatixGuideField[];
  answer: { name: string; from: string; note?: string }[];
  differences: string[];
  example?: Record<string, unknown>;
};

export function flowmatixMigrationGuide(): { groups: { name: FlowmatixGroup; rows: FlowmatixGuideRow[] }[]; total: number; refused: number } {
  const rows: FlowmatixGuideRow[] = flowmatixEndpoints.map((endpoint) => ({
    id: `${endpoint.method.toLowerCase()}-${endpoint.path.replace(/\{[^}]+\}/g, 'id').replace(/[^a-z0-9]+/g, '-')}`,
    group: endpoint.group,
    method: endpoint.method,
    path: `${flowmatixPrefix}/${endpoint.path}`,
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
    groups: flowmatixGroups.map((name) => ({ name, rows: rows.filter((row) => row.group === name) })).filter((group) => group.rows.length),
    total: rows.length,
    refused: rows.filter((row) => row.status === 'refused').length,
  };
}
