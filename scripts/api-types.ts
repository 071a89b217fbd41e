/**
 * `npm run api:types`: writes lib/api/client/schema.d.ts from the OpenAPI document, for the typed client.
 * Run it after changing any operation; document.test.ts fails until it has been run.
 */
import { writeFileSync } from 'node:fs';
import { renderApiTypes, schemaTypesPath } from '@/lib/api/openapi/render-types';

writeFileSync(schemaTypesPath, await renderApiTypes());
process.stdout.write(`Wrote ${schemaTypesPath}\n`);
