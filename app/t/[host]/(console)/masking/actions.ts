'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { cancelMaskingSession, createMaskingSession, updateMaskingSession } from '@/lib/masking/sessions';
import { setNumberMasking, setPoolSettings } from '@/lib/masking/pool-settings';
import { simulateMaskingCall } from '@/lib/masking/simulate-call';

// Sessions exist per environment: the console acts on the live partner or, in test mode, its sandbox.
export const createMaskingSessionAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const created = await createMaskingSession(dataCtx, { ...fields, record: fields.record ?? '', initiate_call_to_first_party: fields.initiate_call_to_first_party ?? '' });
  revalidatePath('/masking');
  const secret = created.callbackSecret ? ` Its callbacks are signed with ${created.callbackSecret} (shown once).` : '';
  return { message: `Session created over ${created.session.virtualNumber}.${secret}`, redirectTo: `/masking/${created.session.id}` };
});

export const extendMaskingSessionAction = consoleAction(async ({ dataCtx }, formData) => {
  const { session_id, ...fields } = fieldsOf(formData);
  const session = await updateMaskingSession(dataCtx, session_id ?? '', fields);
  revalidatePath(`/masking/${session.id}`);
  return { message: 'Session updated.' };
});

export const cancelMaskingSessionAction = consoleAction(async ({ dataCtx }, formData) => {
  const { session_id } = fieldsOf(formData);
  await cancelMaskingSession(dataCtx, session_id ?? '');
  revalidatePath('/masking');
  return { message: 'Session ended; the parties are masked from now on.', redirectTo: `/masking/${session_id}` };
});

export const simulateMaskingCallAction = consoleAction(async ({ dataCtx }, formData) => {
  const { session_id, ...fields } = fieldsOf(formData);
  const call = await simulateMaskingCall(dataCtx, session_id ?? '', fields);
  revalidatePath(`/masking/${session_id}`);
  return { message: `Simulated call: ${call.callRecordIds.length} legs recorded and billed.` };
});

export const setPoolSettingsAction = consoleAction(async ({ dataCtx }, formData) => {
  const { clientId, ...fields } = fieldsOf(formData);
  const settings = await setPoolSettings(dataCtx, clientId ?? '', { ...fields, autoBuy: fields.autoBuy ?? '' });
  revalidatePath('/masking');
  return { message: settings.autoBuy ? `Auto-buy is on, up to ${settings.maxPoolSize} numbers.` : 'Auto-buy is off: an exhausted pool answers that it needs more numbers.' };
});

export const setNumberMaskingAction = consoleAction(async ({ dataCtx }, formData) => {
  const { number, masking } = fieldsOf(formData);
  const result = await setNumberMasking(dataCtx, number ?? '', masking === 'true');
  revalidatePath('/masking');
  revalidatePath('/numbers');
  return { message: result.masking ? `${result.e164} is in the masking pool.` : `${result.e164} left the masking pool.` };
});
