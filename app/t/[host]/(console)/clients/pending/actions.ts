'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { cancelRegistration } from '@/lib/onboarding/registration-queries';

// Registrations exist per environment: this acts through dataCtx, so test mode cancels sandbox ones only.
export const cancelRegistrationAction = consoleAction(async ({ dataCtx }, formData) => {
  const registration = await cancelRegistration(dataCtx, fieldsOf(formData).registrationId ?? '', 'Cancelled in the console');
  revalidatePath('/clients/pending');
  return { message: `The registration of ${registration.name} was cancelled.` };
});
