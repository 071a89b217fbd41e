import { z } from 'zod';
import { installTemplateOperation, resetSandboxOperation, toInstallResource } from '@/lib/api/operations/provisioning';
import { installTemplate } from '@/lib/provisioning/install';
import { resetSandbox } from '@/lib/sandbox/reset-sandbox';
import { sampleLogins } from '@/lib/sandbox/seed-sandbox';
import { available, optionalInteger, requiredText } from '../endpoint';

/** Flowmatix's "Provisioning": the partner's sandbox, and installing a provisioning template on a client. */

const group = 'Provisioning' as const;

export const sandbox = available({
  group,
  method: 'POST',
  path: 'sandbox',
  summary: 'Create Sandbox Environment',
  rest: [resetSandboxOperation],
  scope: 'sandbox:write',
  created: true,
  fields: {},
  answer: [
    { name: 'sandbox_id', from: 'sandbox_id', note: 'The partner’s one sandbox (ptn_…); call it with an sk_test_ key.' },
    { name: 'contents', from: 'contents', note: 'Sample clients, numbers, agents, a channel, calls and charges, made through the simulators.' },
    { name: 'sample_password, sample_logins', from: 'the same fields', note: 'Sign-ins of the sample client owners, new at each call.' },
  ],
  differences: ['Each partner has one sandbox: this empties it and fills it again with sample data (POST /api/v1/sandbox/reset), rather than creating another. Nothing reaches a real provider or the live balance.'],
  schema: z.object({}),
  call: (ctx) => resetSandbox(ctx),
  data: (reset) => ({ object: 'sandbox_reset', sandbox_id: reset.sandboxId, contents: reset.contents, sample_password: reset.password, sample_logins: sampleLogins }),
});

export const deploy = available({
  group,
  method: 'POST',
  path: 'customers/{customer_id}/deploy',
  summary: 'Deploy Customer Configuration',
  rest: [installTemplateOperation],
  scope: 'templates:write',
  created: true,
  fields: {
    customer_id: { in: 'path', type: 'string', required: true, to: 'client_id', difference: 'A client id; another partner’s answers 404.' },
    template_id: { in: 'body', type: 'string', required: true, to: 'template_id', difference: 'Not in Flowmatix’s reference (it names no body): the provisioning template (tpl_…) whose flows, agents, voice bots and settings are deployed.' },
    version: { in: 'body', type: 'integer', required: false, to: 'version', difference: 'The template version; the latest when left out.' },
    choices: { in: 'body', type: 'object', required: false, to: 'choices', difference: 'Per item `kind:key`: skip, overwrite or keep; see the dry run (POST /api/v1/clients/{id}/template_installs/dry_run).' },
  },
  answer: [{ name: '(the install)', from: 'POST /clients/{client_id}/template_installs', note: 'What was created, updated or skipped, per item.' }],
  differences: ['Deploys a provisioning template, which the partner defines in the console or over /api/v1/templates.'],
  schema: z.object({
    customer_id: requiredText('customer_id', 64),
    template_id: requiredText('template_id', 64),
    version: optionalInteger('version', 1, 100_000),
    choices: z.record(z.string(), z.string(), { error: 'choices must be an object of item → skip, overwrite or keep.' }).optional(),
  }),
  call: (ctx, { customer_id, template_id, version, choices }) => installTemplate(ctx, customer_id, { template_id, version, choices: choices ?? {}, secrets: {} }),
  data: (install) => toInstallResource(install),
});

export const provisioningGroup = [sandbox, deploy];
