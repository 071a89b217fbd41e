import { z } from 'zod';

/** Shared pieces of response schemas. Timestamps are ISO 8601 strings in UTC. */
export const timestamp = z.string().meta({ format: 'date-time', example: '2026-11-22T09:30:00.000Z' });

export const idOf = (prefix: string, description: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `Expected a ${prefix}_… id.`)
    .meta({ description, example: `${prefix}_01kaz3d4mqf2v8n6w0c1e5rj7t` });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A link to this error in the error catalogue.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable machine-readable error code.' }),
    request_id: z.string(),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional().meta({ description: 'For validation errors: each invalid field as a JSON pointer.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
