import type { oas31 } from 'zod-openapi';

export type Schema = oas31.SchemaObject;
type SchemaOrRef = oas31.SchemaObject | oas31.ReferenceObject;

export type ParameterView = { name: string; in: string; required: boolean; description?: string; schema: Schema };

export type ErrorView = { status: number; code: string; title: string };

export type OperationView = {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  /** The scope an API key needs, or null when any valid key may call it. */
  scope: string | null;
  parameters: ParameterView[];
  requestBody?: { schema: Schema; example?: unknown };
  success: { status: number; description: string; schema?: Schema; example?: unknown };
  errors: ErrorView[];
};

export type ReferenceModel = { title: string; description: string; tags: { name: string; operations: OperationView[] }[] };

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function isRef(node: unknown): node is oas31.ReferenceObject {
  return typeof node === 'object' && node !== null && '$ref' in node;
}

/** Follows a local `#/components/…` reference; anything else is returned as it is. */
export function resolve<T>(doc: oas31.OpenAPIObject, node: T | oas31.ReferenceObject): T {
  if (!isRef(node)) return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return resolve(doc, target as T);
}

/** The component name a schema reference points to, for showing "Client" rather than "object". */
export function refName(node: unknown): string | undefined {
  return isRef(node) ? node.$ref.split('/').pop() : undefined;
}

function operationView(doc: oas31.OpenAPIObject, path: string, method: string, op: oas31.OperationObject): OperationView {
  const parameters = (op.parameters ?? []).map((p) => resolve<oas31.ParameterObject>(doc, p)).map((p) => ({
    name: p.name,
    in: p.in,
    required: Boolean(p.required),
    description: p.description,
    schema: resolve<Schema>(doc, p.schema ?? {}),
  }));
  const body = op.requestBody ? resolve<oas31.RequestBodyObject>(doc, op.requestBody).content['application/json'] : undefined;
  const responses = Object.entries(op.responses ?? {}).map(([status, response]) => [Number(status), resolve<oas31.ResponseObject>(doc, response)] as const);
  const [successStatus, success] = responses.find(([status]) => status < 400) ?? [200, { description: '' }];
  // JSON for most; a stream (text/event-stream) documents one event's data the same way.
  const json = success.content?.['application/json'] ?? Object.values(success.content ?? {})[0];
  const errors = responses
    .filter(([status]) => status >= 400)
    .flatMap(([status, response]) =>
      Object.entries(response.content?.['application/problem+json']?.examples ?? {}).map(([code, example]) => ({
        status,
        code,
        title: String((resolve<oas31.ExampleObject>(doc, example).value as { title?: string } | undefined)?.title ?? code),
      })),
    );
  const scopes = op.security?.flatMap((requirement) => Object.values(requirement).flat()) ?? [];
  return {
    operationId: op.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? '',
    // The scope gets a line of its own on the page; the document repeats it in prose for other tools.
    description: (op.description ?? '').replace(/\n*Requires the `[^`]+` scope\./, ''),
    tag: op.tags?.[0] ?? 'Other',
    scope: scopes[0] ?? null,
    parameters,
    requestBody: body?.schema ? { schema: body.schema as Schema, example: body.example } : undefined,
    success: { status: successStatus, description: success.description, schema: json?.schema as Schema | undefined, example: json?.example },
    errors: errors.sort((a, b) => a.status - b.status),
  };
}

/** The document regrouped for reading: tags in order of first appearance, operations in path order. */
export function referenceModel(doc: oas31.OpenAPIObject): ReferenceModel {
  const tags = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = (item as oas31.PathItemObject)[method];
      if (!op) continue;
      const view = operationView(doc, path, method, op);
      tags.set(view.tag, [...(tags.get(view.tag) ?? []), view]);
    }
  }
  const byPath = (a: OperationView, b: OperationView) => a.path.localeCompare(b.path) || methods.indexOf(a.method.toLowerCase() as never) - methods.indexOf(b.method.toLowerCase() as never);
  return {
    title: doc.info.title,
    description: doc.info.description ?? '',
    tags: [...tags].map(([name, operations]) => ({ name, operations: operations.sort(byPath) })),
  };
}

/** One line per property for the schema table, nested properties indented under their parent. */
export type SchemaRow = { name: string; depth: number; type: string; required: boolean; description?: string; enumValues?: string[]; notes: string[] };

function typeLabel(doc: oas31.OpenAPIObject, node: SchemaOrRef): string {
  const name = refName(node);
  const schema = resolve<Schema>(doc, node);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((variant) => typeLabel(doc, variant)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const base = types
    .map((type) => (type === 'array' && schema.items ? `array of ${typeLabel(doc, schema.items)}` : type))
    .join(' | ');
  const label = base || (schema.properties ? 'object' : 'any');
  const withFormat = schema.format ? `${label} (${schema.format})` : label;
  return name && label === 'object' ? name : withFormat;
}

function notesOf(schema: Schema): string[] {
  const notes: string[] = [];
  if (schema.const !== undefined) notes.push(`always ${JSON.stringify(schema.const)}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} characters`);
  // Integer bounds that only say "fits a JavaScript number" carry no information for a reader.
  const meaningful = (n: number | undefined) => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (meaningful(schema.minimum) || meaningful(schema.maximum)) notes.push(`${meaningful(schema.minimum) ? schema.minimum : '…'}–${meaningful(schema.maximum) ? schema.maximum : '…'}`);
  if (schema.minItems !== undefined) notes.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (schema.pattern && schema.pattern.length <= 40) notes.push(`matches ${schema.pattern}`);
  if (schema.example !== undefined && schema.const === undefined) notes.push(`e.g. ${JSON.stringify(schema.example)}`);
  return notes;
}

/**
 * A schema flattened to rows: each property with its type, whether it is required, its description, allowed
 * values and constraints; objects and arrays of objects contribute their properties one level deeper. A
 * reference already being expanded is not expanded again, so recursive schemas end.
 */
export function schemaRows(doc: oas31.OpenAPIObject, root: SchemaOrRef, depth = 0, seen: string[] = []): SchemaRow[] {
  const schema = resolve<Schema>(doc, root);
  const rows: SchemaRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    const property = resolve<Schema>(doc, node);
    rows.push({
      name,
      depth,
      type: typeLabel(doc, node),
      required: required.has(name),
      description: property.description,
      enumValues: property.enum?.map(String),
      notes: notesOf(property),
    });
    const ref = refName(node) ?? refName(property.items);
    if (ref && seen.includes(ref)) continue;
    const inner = property.items ? resolve<Schema>(doc, property.items) : property;
    if (inner.properties) rows.push(...schemaRows(doc, inner, depth + 1, ref ? [...seen, ref] : seen));
  }
  return rows;
}

/** A ready-to-paste curl command with the documented examples filled in. */
export function curlExample(op: OperationView, apiBaseUrl: string): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(param?.schema.example ?? `<${name}>`));
  });
  const lines = [`curl${op.method === 'GET' ? '' : ` -X ${op.method}`} '${apiBaseUrl}${path}'`, `-H 'Authorization: Bearer sk_live_…'`];
  if (op.method !== 'GET') lines.push(`-H 'Idempotency-Key: 5f0c8a7e-6d1b-4f7a-9f1e-2b7d3c4a9e10'`);
  if (op.requestBody) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d '${JSON.stringify(op.requestBody.example ?? {}).replace(/'/g, `'\\''`)}'`);
  }
  return lines.join(' \\\n  ');
}
