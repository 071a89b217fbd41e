'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { createFlow, updateFlow } from '@/lib/flows/manage-flows';
import { mapFlowToNumber } from '@/lib/flows/map-flow';
import { simulateFlowCall } from '@/lib/flows/simulate-flow-call';

// Flows exist per environment: every action here acts through dataCtx.

// The list, each flow's page and the calls page all show what these change.
const path = '/flows';
const orNull = (value: string | undefined) => (value ? value : null);

export const createFlowAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const flow = await createFlow(dataCtx, fields.clientId ?? '', { name: fields.name, agentExtension: fields.agentExtension, transferTo: orNull(fields.transferTo), welcomeRecordingId: orNull(fields.welcomeRecordingId), botId: orNull(fields.botId) });
  revalidatePath(path, 'layout');
  return { message: `${flow.name} created. Map it to a number to run it.` };
});

export const updateFlowAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const flow = await updateFlow(dataCtx, fields.flowId ?? '', { name: fields.name, agentExtension: fields.agentExtension, transferTo: orNull(fields.transferTo), welcomeRecordingId: orNull(fields.welcomeRecordingId), botId: orNull(fields.botId) });
  revalidatePath(path, 'layout');
  return { message: `${flow.name} saved.` };
});

export const mapFlowAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const result = await mapFlowToNumber(dataCtx, fields.flowId ?? '', fields.number ?? '');
  revalidatePath(path, 'layout');
  return { message: result.changed ? 'The number runs this flow now.' : 'The number already runs this flow.' };
});

export const simulateFlowCallAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const call = await simulateFlowCall(dataCtx, fields.number ?? '', { agent: fields.agent || undefined, bot: fields.bot || undefined });
  revalidatePath(path, 'layout');
  return { message: `Simulated call ended: ${call.outcome ?? 'in progress'} (${call.path.map((step) => step.step).join(' → ')}).` };
});
