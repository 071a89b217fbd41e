import { z } from 'zod';
import type { TemplateItemRow } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { fieldErrorsFrom, humanParse } from '@/lib/errors/zod';
import { itemKindNames, itemKindOf } from './kinds';

export const templateItemInput = z
  .strictObject({
    kind: z.enum(itemKindNames, 'Unknown item kind.').meta({ description: 'What the item is: `client_settings`, `agent_placeholder`, `voice_bot`, `call_flow`, `number_schedule` or `whatsapp_schedule`.' }),
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes.')
      .optional()
      .meta({ description: 'What ties the item to the client’s thing (a bot’s name as a slug, a seat’s extension); worked out from the content when left out.' }),
    data: z.record(z.string(), z.unknown()).meta({ description: 'The item’s content, in its kind’s shape (see the examples).' }),
  })
  .meta({ id: 'TemplateItemInput' });

export const templateFields = {
  name: z.string('Name the template.').trim().min(1, 'Name the template.').max(100, 'Use at most 100 characters.'),
  description: z.string().trim().max(1000, 'Use at most 1000 characters.').default(''),
};

export const createTemplateSchema = z.strictObject({ ...templateFields, items: z.array(templateItemInput).max(200, 'Use at most 200 items.').default([]) });
export const updateTemplateSchema = z.strictObject({ name: templateFields.name.optional(), description: templateFields.description.optional(), items: z.array(templateItemInput).max(200, 'Use at most 200 items.').optional() });
export const publishVersionSchema = z.strictObject({ note: z.string().trim().max(500, 'Use at most 500 characters.').default('') });
export const saveClientSchema = z.strictObject({ ...templateFields, client_id: z.string('Choose a client.').min(1, 'Choose a client.') });

export const itemChoices = ['skip', 'overwrite', 'keep'] as const;
export type ItemChoice = (typeof itemChoices)[number];

export const installSchema = z.strictObject({
  template_id: z.string('Choose a template.').min(1, 'Choose a template.'),
  version: z.coerce.number().int().min(1).optional().meta({ description: 'The version to install; the latest when left out.' }),
  choices: z
    .record(z.string(), z.enum(itemChoices, 'Choose skip, overwrite or keep.'))
    .default({})
    .meta({ description: 'Per item (`kind:key`, as the dry run names them): `skip`, `overwrite` or `keep` (the client’s own). Items left out take the dry run’s `default_choice`.' }),
  secrets: z
    .record(z.string(), z.string().max(4096))
    .default({})
    .meta({ description: 'Per item (`kind:key`) a secret the template cannot hold: a voice bot’s auth header as `Name: value`. Stored sealed, never returned.' }),
});

/** Each item checked against its kind's schema; errors point at `items.<n>.data.<field>`. */
export function checkItems(items: z.output<typeof templateItemInput>[]): TemplateItemRow[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const kind = itemKindOf(item.kind)!;
    const parsed = kind.schema.safeParse(item.data, humanParse);
    if (!parsed.success) {
      const fields = Object.fromEntries(Object.entries(fieldErrorsFrom(parsed.error)).map(([field, message]) => [`items.${index}.data.${field}`, message]));
      throw new AppError('validation_failed', `Item ${index + 1} (${kind.label}): ${Object.values(fields)[0] ?? 'not valid'}`, fields);
    }
    const data = parsed.data;
    const key = item.key ?? kind.keyOf(data);
    const id = `${item.kind}:${key}`;
    if (seen.has(id)) throw new AppError('validation_failed', `Two items are the same ${kind.label.toLowerCase()} (${key}): keep one.`, { [`items.${index}.key`]: 'Already in this template.' });
    seen.add(id);
    return { kind: item.kind, key, label: kind.labelOf(data), data };
  });
}

export const itemId = (item: { kind: string; key: string }) => `${item.kind}:${item.key}`;
