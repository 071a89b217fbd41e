import { z } from 'zod';
import { messageTypeKeys } from '@/lib/email-templates/message-types';
import { messageTypeSchema, templateTextsSchema } from '@/lib/email-templates/schemas';
import { defineOperation } from '../operation';
import { timestamp } from '../schemas';

export const emailTemplateResource = z
  .object({
    object: z.literal('email_template'),
    message_type: z.string().meta({ description: `Which message: ${messageTypeKeys.map((key) => `\`${key}\``).join(', ')}.` }),
    label: z.string(),
    description: z.string().meta({ description: 'Who receives the message and when.' }),
    customized: z.boolean().meta({ description: 'False while the default wording is used.' }),
    subject: z.string(),
    heading: z.string(),
    body: z.string().meta({ description: 'Plain text; a blank line starts a new paragraph.' }),
    button_label: z.string().nullable().meta({ description: 'The button’s label, for messages with a link (`has_button`); null otherwise.' }),
    has_button: z.boolean(),
    variables: z.array(z.object({ name: z.string(), description: z.string(), sample: z.string() })).meta({ description: 'The only `{{variables}}` this message may use, with the sample values previews show.' }),
    updated_at: timestamp.nullable(),
  })
  .meta({ id: 'EmailTemplate' });

const example = {
  object: 'email_template',
  message_type: 'otp',
  label: 'Verification code',
  description: 'Sent to someone registering as your client, with the one-time code that confirms their e-mail address.',
  customized: true,
  subject: 'Your {{partner.product_name}} code',
  heading: 'Welcome, {{recipient.name}}',
  body: 'Enter the code below within {{otp.expires_in_minutes}} minutes.',
  button_label: null,
  has_button: false,
  variables: [{ name: 'otp.code', description: 'The one-time code.', sample: '482913' }],
  updated_at: '2026-11-22T10:00:00.000Z',
};

const typeParams = z.strictObject({ message_type: messageTypeSchema.meta({ description: 'The message type.' }) });
const body = z.strictObject(templateTextsSchema.shape);
const bodyExample = { subject: 'Your {{partner.product_name}} code', heading: 'Welcome, {{recipient.name}}', body: 'Enter the code below within {{otp.expires_in_minutes}} minutes.' };
const placeholderNote = 'Placeholders are `{{name}}` with a name from the type’s `variables`; there is no other syntax. Values are inserted as text (escaped), and your brand (logo, colour, product name, support address) wraps the message.';

export const listEmailTemplatesOperation = defineOperation({
  method: 'GET',
  path: '/email_templates',
  operationId: 'listEmailTemplates',
  summary: 'List e-mail templates',
  description: 'Every message type sent on your behalf, with its current wording (yours or the default) and its variables.',
  tag: 'E-mail templates',
  scope: 'templates:read',
  response: { status: 200, description: 'All message types.', schema: z.object({ object: z.literal('list'), data: z.array(emailTemplateResource), has_more: z.literal(false) }), example: { object: 'list', data: [example], has_more: false } },
});

export const getEmailTemplateOperation = defineOperation({
  method: 'GET',
  path: '/email_templates/{message_type}',
  operationId: 'getEmailTemplate',
  summary: 'Get an e-mail template',
  description: 'One message type’s wording and variables.',
  tag: 'E-mail templates',
  scope: 'templates:read',
  params: typeParams,
  response: { status: 200, description: 'The template.', schema: emailTemplateResource, example },
  errors: ['not_found'],
});

export const updateEmailTemplateOperation = defineOperation({
  method: 'PUT',
  path: '/email_templates/{message_type}',
  operationId: 'updateEmailTemplate',
  summary: 'Set an e-mail template',
  description: `Replaces the wording of one message type, in live and test mode alike. ${placeholderNote} An unknown variable is refused (422) with its line and column; nothing is saved. Emits \`email_template.updated\`.`,
  tag: 'E-mail templates',
  scope: 'templates:write',
  params: typeParams,
  body,
  bodyExample,
  response: { status: 200, description: 'The saved template.', schema: emailTemplateResource, example },
  errors: ['not_found', 'forbidden'],
});

export const resetEmailTemplateOperation = defineOperation({
  method: 'DELETE',
  path: '/email_templates/{message_type}',
  operationId: 'resetEmailTemplate',
  summary: 'Reset an e-mail template',
  description: 'Goes back to the default wording. Emits `email_template.updated` with `customized: false` when it was customised.',
  tag: 'E-mail templates',
  scope: 'templates:write',
  params: typeParams,
  response: { status: 200, description: 'The template, with its default wording.', schema: emailTemplateResource, example: { ...example, customized: false, updated_at: null } },
  errors: ['not_found', 'forbidden'],
});

export const previewEmailTemplateOperation = defineOperation({
  method: 'POST',
  path: '/email_templates/{message_type}/preview',
  operationId: 'previewEmailTemplate',
  summary: 'Preview an e-mail template',
  description: `Renders a draft with the type’s sample values in your brand, without saving it, and lists what would stop it being saved. ${placeholderNote} Show the HTML only in a sandboxed frame.`,
  tag: 'E-mail templates',
  scope: 'templates:read',
  params: typeParams,
  body,
  bodyExample,
  response: {
    status: 200,
    description: 'The rendered draft.',
    schema: z
      .object({ object: z.literal('email_template_preview'), message_type: z.string(), subject: z.string(), html: z.string(), text: z.string(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })
      .meta({ id: 'EmailTemplatePreview' }),
    example: { object: 'email_template_preview', message_type: 'otp', subject: 'Your Acme Connect code', html: '<!DOCTYPE html>…', text: 'Welcome, Priya Sharma…', errors: [] },
  },
  errors: ['not_found'],
});
