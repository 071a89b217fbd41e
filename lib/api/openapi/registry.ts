import type { ApiOperation } from '../operation';
import * as clients from '../operations/clients';
import * as partner from '../operations/partner';

/**
 * Every REST operation, for the OpenAPI document. A test fails when a route file under app/api/v1 serves a
 * path or method that is missing here. Add each new operations module to this list.
 */
const modules: Record<string, unknown>[] = [partner, clients];

export const allOperations: ApiOperation[] = modules.flatMap((module) =>
  Object.values(module).filter((value): value is ApiOperation => typeof value === 'object' && value !== null && 'operationId' in value && 'method' in value),
);
