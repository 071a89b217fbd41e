import { z } from 'zod';
import { extensionSchema } from '@/lib/agents/schemas';

const nameSchema = z.string('Name the flow.').trim().min(1, 'Name the flow.').max(100, 'Use at most 100 characters.').meta({ example: 'Support line' });

/** Another extension of the client, or an outside number in E.164 (a bare 10-digit number is read as +91). */
export const transferTargetSchema = z
  .string()
  .trim()
  .max(32, 'Use at most 32 characters.')
  .transform((value, context) => {
    const compact = value.replace(/[\s()-]/g, '');
    if (/^[1-9]\d{1,5}$/.test(compact)) return compact;
    if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
    if (/^[6-9]\d{9}$/.test(compact)) return `+91${compact}`;
    context.addIssue({ code: 'custom', message: 'Give an extension (2–6 digits) or a number in E.164, such as +919876543210.' });
    return z.NEVER;
  })
  .meta({ description: 'Where a call goes when the agent does not answer (or the bot fails): an extension of the client or a number in E.164.', example: '+919876543210' });

const optionalRef = (message: string) =>
  z
    .string(message)
    .trim()
    .max(64, message)
    .nullish()
    .transform((value) => value || null);

export const flowFields = {
  name: nameSchema,
  welcomeRecordingId: optionalRef('Choose one of the client’s recordings.').meta({ description: 'The client’s recording played first (rcd_…); none: no welcome.', example: 'rcd_01jf0000000000000000000000' }),
  agentExtension: extensionSchema.meta({ description: 'The extension of the client’s agent who takes the call.', example: '2001' }),
  transferTo: transferTargetSchema.nullish().transform((value) => value ?? null),
  botId: optionalRef('Choose one of the client’s voice bots.').meta({ description: 'A voice bot that takes the call first (vbot_…); when it fails the call goes to `transfer_to`.', example: null }),
};

export const createFlowSchema = z.strictObject(flowFields).superRefine((data, context) => {
  if (data.botId && !data.transferTo) context.addIssue({ code: 'custom', path: ['transferTo'], message: 'A flow with a voice bot needs a transfer target for when the bot fails.' });
});
export const updateFlowSchema = z.strictObject(z.object(flowFields).partial().shape);

export type CreateFlowInput = z.input<typeof createFlowSchema>;
export type UpdateFlowInput = z.input<typeof updateFlowSchema>;

export const simulateFlowCallSchema = z.strictObject({
  from: z.string().trim().regex(/^\+[1-9]\d{7,14}$/, 'Use an E.164 number with the plus, e.g. +919812345678.').optional().meta({ example: '+919812345678' }),
  agent: z.enum(['answer', 'no_answer', 'busy'], 'Choose answer, no_answer or busy.').default('answer').meta({ description: 'What the agent does when rung.' }),
  bot: z.enum(['handles', 'fails'], 'Choose handles or fails.').default('handles').meta({ description: 'What the voice bot does, when the flow has one.' }),
  transfer: z.enum(['answer', 'no_answer'], 'Choose answer or no_answer.').default('answer').meta({ description: 'What the transfer target does.' }),
  talkSeconds: z.number('Give whole seconds.').int('Give whole seconds.').min(1, 'At least 1 second.').max(3600, 'At most an hour.').default(95),
  at: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date-time.' }).optional().meta({ description: 'When the call starts (default now): for replaying a day.' }),
});
export type SimulateFlowCallInput = z.input<typeof simulateFlowCallSchema>;
