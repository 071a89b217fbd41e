'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { setAgentAvailability } from '@/lib/agents/availability';
import { createAgent, deactivateAgent, updateAgent } from '@/lib/agents/manage-agents';

// Agents exist per environment: every action here acts through dataCtx.

const agentInput = (fields: Record<string, string>) => ({
  name: fields.name,
  email: fields.email,
  phone: fields.phone,
  password: fields.password || undefined,
  extension: fields.extension || undefined,
  managerId: fields.managerId ?? undefined,
  reportingManagerId: fields.reportingManagerId ?? undefined,
  webrtc: fields.webrtc === undefined ? undefined : fields.webrtc === 'on',
  dialPreference: fields.dialPreference,
  permissionGroup: fields.permissionGroup,
});

export const createAgentAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const agent = await createAgent(dataCtx, fields.clientId ?? '', agentInput(fields));
  revalidatePath('/agents');
  return { message: `${agent.name} added with extension ${agent.extension}.` };
});

export const updateAgentAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  await updateAgent(dataCtx, fields.agentId ?? '', agentInput(fields));
  revalidatePath(`/agents/${fields.agentId}`);
  return { message: 'Agent saved.' };
});

export const deactivateAgentAction = consoleAction(async ({ dataCtx }, formData) => {
  const agent = await deactivateAgent(dataCtx, fieldsOf(formData).agentId ?? '');
  revalidatePath('/agents');
  return { message: `${agent.name} deactivated. Their extension and history stay.`, redirectTo: '/agents' };
});

export const setAvailabilityAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const { agent, queued } = await setAgentAvailability(dataCtx, fields.agentId ?? '', { availability: fields.availability });
  revalidatePath('/agents');
  return { message: queued ? `${agent.name} is on a call: ${fields.availability} applies when it ends.` : `${agent.name} is ${fields.availability}.` };
});
