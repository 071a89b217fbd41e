'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { removeLogo, setLogo, updateBranding } from '@/lib/branding/update-branding';
import { invalid } from '@/lib/errors/app-error';

export const saveBrandingAction = partnerAction(async (ctx, formData) => {
  await updateBranding(ctx, fieldsOf(formData));
  revalidatePath('/', 'layout');
  return { message: 'Branding saved.' };
});

export const uploadLogoAction = partnerAction(async (ctx, formData) => {
  const file = formData.get('logo');
  if (!(file instanceof File) || file.size === 0) throw invalid('logo', 'Choose an image file.');
  await setLogo(ctx, Buffer.from(await file.arrayBuffer()), file.type);
  revalidatePath('/', 'layout');
  return { message: 'Logo updated.' };
});

export const removeLogoAction = partnerAction(async (ctx) => {
  await removeLogo(ctx);
  revalidatePath('/', 'layout');
  return { message: 'Logo removed.' };
});
