'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { createVoiceBot, deleteVoiceBot, updateVoiceBot } from '@/lib/bots/manage-bots';
import { testVoiceBotConnection, type ConnectionReport } from '@/lib/bots/test-connection';

// Bots exist per environment: every action here acts through dataCtx.

const path = '/agents/bots';

export const createBotAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const bot = await createVoiceBot(dataCtx, fields.clientId ?? '', { name: fields.name, purpose: fields.purpose, apiUrl: fields.apiUrl, wssUrl: fields.wssUrl, authHeader: fields.authHeader });
  revalidatePath(path);
  return { message: `${bot.name} added. Test its connection below.` };
});

export const replaceHeaderAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const bot = await updateVoiceBot(dataCtx, fields.botId ?? '', { authHeader: fields.authHeader === '' ? null : fields.authHeader });
  revalidatePath(path);
  return { message: bot.authHeaderHint ? 'Auth header replaced.' : 'Auth header removed.' };
});

export const deleteBotAction = consoleAction(async ({ dataCtx }, formData) => {
  await deleteVoiceBot(dataCtx, fieldsOf(formData).botId ?? '');
  revalidatePath(path);
  return { message: 'Bot deleted.' };
});

export const testBotAction = consoleAction<ConnectionReport>(async ({ dataCtx }, formData) => {
  const report = await testVoiceBotConnection(dataCtx, fieldsOf(formData).botId ?? '');
  return { data: report };
});
