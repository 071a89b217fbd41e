'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { installTemplate } from '@/lib/provisioning/install';
import { dataFromForm, formFieldOfError, itemFormFields } from '@/lib/provisioning/item-form';
import { itemKindOf } from '@/lib/provisioning/kinds';
import { createTemplate, getTemplate, publishTemplateVersion, saveClientAsTemplate, updateTemplate } from '@/lib/provisioning/templates';
import { upgradeClients } from '@/lib/provisioning/upgrade';
import { AppError } from '@/lib/errors/app-error';

/** An item's content as typed in the editor: JSON, or (left empty when adding) the kind's example. */
function dataFrom(text: string | undefined, kind: string): Record<string, unknown> {
  if (!text?.trim()) return { ...(itemKindOf(kind)?.example ?? {}) };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AppError('validation_failed', 'Write the item’s content as a JSON object.', { data: 'Write a JSON object, such as the example.' });
}

/**
 * An item's content from its form: the kind's structured fields (`data.<path>`), or the advanced JSON
 * (`data`) when that is what was sent; adding with neither starts from the kind's example.
 */
function contentFrom(fields: Record<string, string>, kind: string): Record<string, unknown> {
  const structured = Object.keys(fields).some((name) => name.startsWith('data.'));
  return structured && itemFormFields(kind) ? dataFromForm(kind, fields) : dataFrom(fields.data, kind);
}

/**
 * The editor's errors name `items.<n>.data.<field>`; a one-item form shows each beside the field that holds
 * it (the JSON box when the JSON was sent).
 */
function onItemField<T>(kind: string, json: boolean, work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof AppError && error.fieldErrors) {
      const fieldErrors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const inData = /^items\.\d+\.data\.(.+)$/.exec(path)?.[1];
        const field = json || !inData ? 'data' : formFieldOfError(kind, inData);
        fieldErrors[field] ??= message;
      }
      throw new AppError(error.code, error.message, fieldErrors);
    }
    throw error;
  });
}

// Everything acts where the console's switch says: in test mode on the sandbox's own templates and clients.
export const createTemplateAction = consoleAction(async ({ dataCtx: ctx }, formData) => {
  const fields = fieldsOf(formData);
  const template = await createTemplate(ctx, { name: fields.name, description: fields.description });
  revalidatePath('/templates');
  return { message: `Template “${template.name}” created: add its items, then publish.`, redirectTo: `/templates/${template.id}` };
});

export const saveClientAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const template = await saveClientAsTemplate(dataCtx, { name: fields.name, client_id: fields.client_id, description: fields.description });
  revalidatePath('/templates');
  return { message: `Saved as “${template.name}”, version 1, with ${template.draft.length} items.`, redirectTo: `/templates/${template.id}` };
});

export const saveItemAction = consoleAction(async ({ dataCtx: ctx }, formData) => {
  const fields = fieldsOf(formData);
  const template = await getTemplate(ctx, fields.templateId ?? '');
  const items = template.draft.map(({ kind, key, data }) => ({ kind, key, data }));
  const index = Number(fields.index);
  const editing = Number.isInteger(index) && index >= 0 && index < items.length;
  const kind = editing ? items[index]!.kind : (fields.kind ?? '');
  const json = !Object.keys(fields).some((name) => name.startsWith('data.'));
  if (fields.remove === '1') items.splice(index, 1);
  else if (editing) items[index] = { ...items[index]!, data: contentFrom(fields, kind) };
  else items.push({ kind, key: fields.key ?? '', data: dataFrom(fields.data, kind) });
  await onItemField(kind, json, () => updateTemplate(ctx, template.id, { items: items.map((item) => (item.key ? item : { kind: item.kind, data: item.data })) }));
  revalidatePath(`/templates/${template.id}`);
  return { message: fields.remove === '1' ? 'Item removed from the draft.' : 'Draft saved.' };
});

export const publishVersionAction = consoleAction(async ({ dataCtx: ctx }, formData) => {
  const fields = fieldsOf(formData);
  const made = await publishTemplateVersion(ctx, fields.templateId ?? '', { note: fields.note });
  revalidatePath(`/templates/${made.templateId}`);
  return { message: `Version ${made.version} published: installs and upgrades take it from now on.` };
});

export const installAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const choices: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('choice:')) choices[name.slice(7)] = value;
    if (name.startsWith('secret:') && value.trim()) secrets[name.slice(7)] = value.trim();
  }
  const install = await installTemplate(dataCtx, fields.clientId ?? '', { template_id: fields.templateId, version: fields.version, choices, secrets }, { idempotencyKey: fields.idempotencyKey || undefined });
  revalidatePath(`/templates/${install.templateId}`);
  const applied = install.items.filter((item) => item.result === 'applied').length;
  return { message: install.replayed ? 'Already installed: nothing left to do.' : `Installed version ${install.version}: ${applied} items applied.`, redirectTo: `/templates/${install.templateId}` };
});

export const upgradeAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const report = await upgradeClients(dataCtx, fields.templateId ?? '', { client_ids: fields.clientId ? [fields.clientId] : undefined }, { idempotencyKey: fields.idempotencyKey || undefined });
  revalidatePath(`/templates/${report.templateId}`);
  const parts = Object.entries(report.summary).map(([status, n]) => `${n} ${status.replace('_', ' ')}`);
  return { message: `Upgrade to version ${report.version}: ${parts.join(', ') || 'no installed clients'}.`, redirectTo: `/templates/${report.templateId}` };
});
