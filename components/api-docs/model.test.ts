import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';
import { curlExample, referenceModel, schemaRows } from './model';

const doc = openApiDocument();
const operations = referenceModel(doc).tags.flatMap((tag) => tag.operations);
const find = (id: string) => operations.find((op) => op.operationId === id)!;

describe('reference model', () => {
  it('lists every operation of the document once, grouped by tag', () => {
    const count = Object.values(doc.paths ?? {}).reduce((sum, item) => sum + Object.keys(item as object).length, 0);
    expect(operations).toHaveLength(count);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(count);
  });

  it('reads scope, parameters, body, success example and error codes of an operation', () => {
    const op = find('updateClientStatus');
    expect(op).toMatchObject({ method: 'POST', path: '/clients/{client_id}/status', scope: 'clients:write', success: { status: 200 } });
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:client_id', 'header:Idempotency-Key']);
    expect(op.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['not_found', 'validation_failed', 'idempotency_key_reused', 'rate_limited']));
    expect(op.errors.find((e) => e.code === 'not_found')).toMatchObject({ status: 404, title: 'Not found' });
    expect(find('getPartner').scope).toBeNull();
  });

  it('flattens schemas into rows with types, requiredness, enum values, nesting and resolved references', () => {
    const body = schemaRows(doc, find('updateClientStatus').requestBody!.schema);
    expect(body).toEqual([
      expect.objectContaining({ name: 'status', type: 'string', required: true, enumValues: ['active', 'inactive'], depth: 0 }),
      expect.objectContaining({ name: 'reason', required: true, notes: expect.arrayContaining(['3–500 characters']) }),
    ]);
    const list = schemaRows(doc, find('listClients').success.schema!);
    expect(list).toContainEqual(expect.objectContaining({ name: 'data', type: 'array of Client', depth: 0 }));
    expect(list).toContainEqual(expect.objectContaining({ name: 'created_at', type: 'string (date-time)', depth: 1 }));
  });

  it('writes a curl command with the example id, idempotency key and body', () => {
    const curl = curlExample(find('updateClientStatus'), 'https://api.example/api/v1');
    expect(curl).toContain("curl -X POST 'https://api.example/api/v1/clients/cli_01kaz3d4mqf2v8n6w0c1e5rj7t/status'");
    expect(curl).toContain('Idempotency-Key');
    expect(curl).toContain(`-d '{"status":"inactive","reason":"Payment overdue"}'`);
  });
});
