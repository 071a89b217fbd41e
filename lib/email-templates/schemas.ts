import { z } from 'zod';
import { messageTypeKeys, type MessageTypeKey } from './message-types';

/** One schema for the editor's form, the REST body and OpenAPI. Placeholders are checked by the domain after it. */
export const templateTextsSchema = z.object({
  subject: z.string().trim().min(1, 'Write a subject.').max(200, 'Keep the subject under 200 characters.'),
  heading: z.string().trim().min(1, 'Write a heading.').max(200, 'Keep the heading under 200 characters.'),
  body: z.string().trim().min(1, 'Write the message.').max(5000, 'Keep the message under 5,000 characters.'),
  button_label: z.string().trim().max(60, 'Keep the button label under 60 characters.').nullish(),
});

export type TemplateTextsInput = z.input<typeof templateTextsSchema>;

export const messageTypeSchema = z.enum(messageTypeKeys as [MessageTypeKey, ...MessageTypeKey[]], 'Unknown message type.');
