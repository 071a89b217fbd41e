'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { scheduleFormSteps } from '@/lib/schedules/schedule-form';
import { checkWhatsappNumber } from '@/lib/whatsapp/check-numbers';
import { linkWhatsappNumber, unlinkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { whatsappScheduleSubject } from '@/lib/whatsapp/number-schedules';

// Numbers exist per environment: these act through dataCtx, so test mode links sandbox numbers (simulated Cloud API).

export const linkNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const number = await linkWhatsappNumber(dataCtx, fieldsOf(formData));
  revalidatePath('/whatsapp');
  return { message: `${number.displayPhoneNumber} (${number.verifiedName}) linked.`, redirectTo: `/whatsapp/numbers/${number.id}` };
});

export const checkNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const number = await checkWhatsappNumber(dataCtx, fieldsOf(formData).numberId ?? '');
  revalidatePath(`/whatsapp/numbers/${number.id}`);
  return { message: number.status === 'active' ? 'Checked with Meta: all well.' : `Checked with Meta: ${number.status.replace('_', ' ')}.` };
});

export const unlinkNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const number = await unlinkWhatsappNumber(dataCtx, fieldsOf(formData).numberId ?? '');
  revalidatePath('/whatsapp');
  return { message: `${number.displayPhoneNumber} unlinked.`, redirectTo: '/whatsapp' };
});

const steps = scheduleFormSteps((ctx, subjectId) => whatsappScheduleSubject(ctx, subjectId));

export const setNumberHoursAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await steps.setHours(dataCtx, formData);
  revalidatePath(`/whatsapp/numbers/${fieldsOf(formData).subject_id}`);
  return outcome;
});

export const addNumberHolidayAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await steps.addHoliday(dataCtx, formData);
  revalidatePath(`/whatsapp/numbers/${fieldsOf(formData).subject_id}`);
  return outcome;
});

export const deleteNumberHolidayAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await steps.deleteHoliday(dataCtx, formData);
  revalidatePath(`/whatsapp/numbers/${fieldsOf(formData).subject_id}`);
  return outcome;
});
