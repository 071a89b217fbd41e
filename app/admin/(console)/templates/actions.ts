'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { setTemplatePublished } from '@/lib/provisioning/templates';

export const setTemplatePublishedAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const published = fields.published === '1';
  await setTemplatePublished(ctx, fields.templateId ?? '', published);
  revalidatePath('/admin/templates');
  return { message: published ? 'Published: every partner can install it now.' : 'Withdrawn: only its partner sees it now. Clients that installed it keep what they got.' };
});
