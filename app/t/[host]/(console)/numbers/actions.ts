'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { buyNumber } from '@/lib/numbers/buy-number';
import { holdNumber } from '@/lib/numbers/hold-number';
import { numberSubject } from '@/lib/numbers/number-schedule';
import { formatNumber } from '@/lib/numbers/number-types';
import { recallNumber, releaseNumber } from '@/lib/numbers/release-number';
import { setNumberSettings } from '@/lib/numbers/settings';
import { scheduleFormSteps } from '@/lib/schedules/schedule-form';

// Numbers exist per environment: these act through dataCtx, so test mode buys from the sandbox inventory.
export const holdNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const hold = await holdNumber(dataCtx, { number: fields.number, clientId: fields.clientId });
  revalidatePath('/numbers');
  return { message: `${formatNumber(hold.number)} is yours for 10 minutes.` };
});

export const buyNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const purchase = await buyNumber(dataCtx, { number: fields.number, clientId: fields.clientId, idempotencyKey: fields.idempotencyKey });
  // No revalidation of /numbers here: it would remove the hold, and with it the form that follows the redirect to
  // the client's numbers (a fresh render of its own).
  return {
    message: purchase.status === 'completed' ? `${formatNumber(purchase.number)} is the client’s now.` : `${formatNumber(purchase.number)} is being provisioned; the charge is made when it completes.`,
    redirectTo: `/clients/${encodeURIComponent(purchase.clientId)}/numbers`,
  };
});

export const releaseNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const released = await releaseNumber(dataCtx, { number: fieldsOf(formData).number });
  revalidatePath('/numbers');
  revalidatePath(`/clients/${encodeURIComponent(released.clientId)}/numbers`);
  return { message: `${formatNumber(released.number)} is in quarantine; the client may recall it until then.` };
});

export const recallNumberAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const recalled = await recallNumber(dataCtx, { number: fields.number, clientId: fields.clientId });
  revalidatePath('/numbers');
  revalidatePath(`/clients/${encodeURIComponent(recalled.clientId)}/numbers`);
  return { message: `${formatNumber(recalled.number)} is the client’s again.` };
});

const schedule = scheduleFormSteps((ctx, subjectId) => numberSubject(ctx, subjectId));

export const setNumberHoursAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await schedule.setHours(dataCtx, formData);
  revalidatePath(`/numbers/${encodeURIComponent(fieldsOf(formData).subject_id ?? '')}`);
  return outcome;
});

export const addNumberHolidayAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await schedule.addHoliday(dataCtx, formData);
  revalidatePath(`/numbers/${encodeURIComponent(fieldsOf(formData).subject_id ?? '')}`);
  return outcome;
});

export const deleteNumberHolidayAction = consoleAction(async ({ dataCtx }, formData) => {
  const outcome = await schedule.deleteHoliday(dataCtx, formData);
  revalidatePath(`/numbers/${encodeURIComponent(fieldsOf(formData).subject_id ?? '')}`);
  return outcome;
});

export const setNumberSettingsAction = consoleAction(async ({ dataCtx }, formData) => {
  const settings = await setNumberSettings(dataCtx, fieldsOf(formData));
  revalidatePath('/numbers');
  return { message: `Saved: released numbers are reusable after ${settings.quarantineDays} days.` };
});
