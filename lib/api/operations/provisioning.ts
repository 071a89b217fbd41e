import { z } from 'zod';
import type { InstallView } from '@/lib/provisioning/install';
import type { PlannedItem } from '@/lib/provisioning/plan';
import { installSchema, publishVersionSchema, templateItemInput } from '@/lib/provisioning/schemas';
import type { TemplateView } from '@/lib/provisioning/templates';
import { upgradeSchema, type UpgradeResult } from '@/lib/provisioning/upgrade';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

const tag = 'Provisioning templates';
const kindsNote =
  'Item kinds: `client_settings` (`{extensionRange:{first,last}}`), `agent_placeholder` (a seat: `{name, extension, permissionGroup, webrtc}`), `voice_bot` (`{name, purpose, apiUrl, wssUrl}`; its auth header is given at install, never stored in the template), `call_flow` (`{name, agentExtension, transferTo, botName, welcomeRecordingName}`; the bot and the recording by name, so a flow travels between clients), `number_schedule` and `whatsapp_schedule` (`{timezone, weekly, holidays}`, given to every number of the client).';

const itemResource = z.object({ kind: z.string(), key: z.string(), label: z.string(), data: z.record(z.string(), z.unknown()) }).meta({ id: 'TemplateItem' });
const versionResource = z.object({ version: z.number().int(), note: z.string(), items: z.array(itemResource), created_at: timestamp }).meta({ id: 'TemplateVersion' });

export const templateResource = z
  .object({
    object: z.literal('provisioning_template'),
    id: idOf('tpl', 'The template’s id.'),
    name: z.string(),
    description: z.string(),
    latest_version: z.number().int().meta({ description: 'The newest published version; 0 while only a draft exists.' }),
    published: z.boolean().meta({ description: 'Published by the platform to every partner.' }),
    own: z.boolean().meta({ description: 'True when it is yours (editable here).' }),
    source: z.enum(['own', 'live', 'platform']).meta({ description: '`live`: your live template, seen read-only with a test key; `platform`: published by the platform.' }),
    draft: z.array(itemResource).meta({ description: 'The items being edited; publishing freezes them as the next version.' }),
    versions: z.array(versionResource).optional().meta({ description: 'Every published version, newest first (on a single template).' }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'ProvisioningTemplate' });

const itemExamples = [
  { kind: 'client_settings', key: 'settings', label: 'Extensions 2101–2199', data: { extensionRange: { first: 2101, last: 2199 } } },
  { kind: 'agent_placeholder', key: '2101', label: 'Front desk (2101)', data: { name: 'Front desk', extension: '2101', permissionGroup: 'supervisor', webrtc: true } },
  { kind: 'voice_bot', key: 'appointment-bot', label: 'Appointment bot', data: { name: 'Appointment bot', purpose: 'Books and moves appointments', apiUrl: null, wssUrl: 'wss://bots.example.com/stream' } },
  { kind: 'number_schedule', key: 'all', label: 'Number working hours (Asia/Kolkata)', data: { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] } },
];
const templateExample = {
  object: 'provisioning_template',
  id: 'tpl_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Clinic front desk',
  description: 'Seats, an appointment bot and clinic hours',
  latest_version: 2,
  published: false,
  own: true,
  source: 'own',
  draft: itemExamples,
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-11-22T10:00:00.000Z',
};

export function toTemplateResource(template: TemplateView & { versions?: { version: number; note: string; items: unknown[]; createdAt: Date }[] }) {
  return {
    object: 'provisioning_template' as const,
    id: template.id,
    name: template.name,
    description: template.description,
    latest_version: template.latestVersion,
    published: template.published,
    own: template.own,
    source: template.source,
    draft: template.draft,
    ...(template.versions ? { versions: template.versions.map((v) => ({ version: v.version, note: v.note, items: v.items, created_at: v.createdAt })) } : {}),
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}

const templateIdParams = z.strictObject({ template_id: idOf('tpl', 'The template’s id.') });
const templateBody = { name: z.string().trim().min(1).max(100), description: z.string().trim().max(1000).optional(), items: z.array(templateItemInput).max(200).optional() };

export const listTemplatesOperation = defineOperation({
  method: 'GET',
  path: '/provisioning_templates',
  operationId: 'listProvisioningTemplates',
  summary: 'List provisioning templates',
  description: 'Your templates and those the platform published to every partner, newest first. A test key sees the sandbox’s own templates and, read-only, the live ones (to try them on sandbox clients first); a live key never sees the sandbox’s.',
  tag,
  scope: 'templates:read',
  response: { status: 200, description: 'The templates.', schema: pageOf(templateResource), example: { object: 'list', data: [templateExample], has_more: false } },
});

export const createTemplateOperation = defineOperation({
  method: 'POST',
  path: '/provisioning_templates',
  operationId: 'createProvisioningTemplate',
  summary: 'Create a provisioning template',
  description: `Creates a template with a draft of items; publish the draft as version 1 to install it. ${kindsNote}`,
  tag,
  scope: 'templates:write',
  body: z.strictObject(templateBody),
  bodyExample: { name: 'Clinic front desk', description: 'Seats, an appointment bot and clinic hours', items: itemExamples.map(({ kind, data }) => ({ kind, data })) },
  response: { status: 201, description: 'The template (latest_version 0 until published).', schema: templateResource, example: { ...templateExample, latest_version: 0 } },
  errors: ['validation_failed'],
});

export const saveClientAsTemplateOperation = defineOperation({
  method: 'POST',
  path: '/provisioning_templates/from_client',
  operationId: 'saveClientAsProvisioningTemplate',
  summary: 'Save a client’s setup as a template',
  description: 'Takes everything of every item kind the client has now (its settings, active agents as seats, voice bots without their headers, working hours) into a new template, published as version 1.',
  tag,
  scope: 'templates:write',
  body: z.strictObject({ name: z.string().trim().min(1).max(100), description: z.string().trim().max(1000).optional(), client_id: idOf('cli', 'The client to copy.') }),
  bodyExample: { name: 'Like Bluebird', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t' },
  response: { status: 201, description: 'The template, at version 1.', schema: templateResource, example: { ...templateExample, latest_version: 1 } },
  errors: ['not_found'],
});

export const getTemplateOperation = defineOperation({
  method: 'GET',
  path: '/provisioning_templates/{template_id}',
  operationId: 'getProvisioningTemplate',
  summary: 'Get a provisioning template',
  description: 'The template with its draft and every published version.',
  tag,
  scope: 'templates:read',
  params: templateIdParams,
  response: { status: 200, description: 'The template.', schema: templateResource, example: { ...templateExample, versions: [{ version: 2, note: 'Saturday hours', items: itemExamples, created_at: '2026-11-22T10:00:00.000Z' }] } },
  errors: ['not_found'],
});

export const updateTemplateOperation = defineOperation({
  method: 'PATCH',
  path: '/provisioning_templates/{template_id}',
  operationId: 'updateProvisioningTemplate',
  summary: 'Edit a template’s draft',
  description: `Changes the name, description or the draft's items (the whole list). Published versions and installs stay as they were. ${kindsNote}`,
  tag,
  scope: 'templates:write',
  params: templateIdParams,
  body: z.strictObject({ name: templateBody.name.optional(), description: templateBody.description, items: templateBody.items }),
  bodyExample: { items: itemExamples.map(({ kind, data }) => ({ kind, data })) },
  response: { status: 200, description: 'The template.', schema: templateResource, example: templateExample },
  errors: ['not_found', 'validation_failed', 'forbidden'],
});

export const publishTemplateVersionOperation = defineOperation({
  method: 'POST',
  path: '/provisioning_templates/{template_id}/versions',
  operationId: 'publishProvisioningTemplateVersion',
  summary: 'Publish the draft as a new version',
  description: 'Freezes the draft as the next version; installs and upgrades take it from now on. Raises `template.published`.',
  tag,
  scope: 'templates:write',
  params: templateIdParams,
  body: publishVersionSchema,
  bodyExample: { note: 'Saturday hours' },
  response: { status: 201, description: 'The version made.', schema: z.object({ object: z.literal('template_version'), template_id: z.string(), version: z.number().int() }), example: { object: 'template_version', template_id: templateExample.id, version: 3 } },
  errors: ['not_found', 'validation_failed', 'forbidden'],
});

const plannedResource = z
  .object({
    id: z.string().meta({ description: '`kind:key`: how `choices` and `secrets` name the item.' }),
    kind: z.string(),
    key: z.string(),
    label: z.string(),
    status: z.enum(['new', 'unchanged', 'changed', 'diverged', 'kept', 'unavailable']).meta({ description: '`diverged`: installed before and edited in the client since; `kept`: the client kept its own earlier; `unavailable`: nothing to put it on yet.' }),
    default_choice: z.enum(['skip', 'overwrite', 'keep']),
    installed_before: z.boolean(),
    takes_secret: z.boolean().meta({ description: 'Give its secret in `secrets` (a voice bot’s auth header).' }),
    current: z.record(z.string(), z.unknown()).nullable(),
    wanted: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
  })
  .meta({ id: 'TemplateDryRunItem' });

export const dryRunResource = z
  .object({ object: z.literal('template_dry_run'), client_id: z.string(), template_id: z.string(), version: z.number().int(), installed_version: z.number().int().nullable(), items: z.array(plannedResource) })
  .meta({ id: 'TemplateDryRun' });

export function toPlannedResource(item: PlannedItem) {
  return { id: item.id, kind: item.kind, key: item.key, label: item.label, status: item.status, default_choice: item.defaultChoice, installed_before: item.installedBefore, takes_secret: item.takesSecret, current: item.current, wanted: item.wanted, note: item.note };
}

const installRequest = installSchema;
const installBodyExample = { template_id: templateExample.id, choices: { 'agent_placeholder:2101': 'keep' }, secrets: { 'voice_bot:appointment-bot': 'Authorization: Bearer sk-bot-3f9a' } };

export const dryRunInstallOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/template_installs/dry_run',
  operationId: 'dryRunTemplateInstall',
  summary: 'Dry-run a template install',
  description: 'What installing (or upgrading to) a version would do to each item of this client, changing nothing: `new`, `changed`, `diverged` (edited in the client since an earlier install), `unchanged`, `kept` or `unavailable`, with the choice an install would make by default.',
  tag,
  scope: 'templates:read',
  params: clientIdParams,
  body: installRequest.pick({ template_id: true, version: true }),
  bodyExample: { template_id: templateExample.id },
  response: {
    status: 200,
    description: 'The dry run.',
    schema: dryRunResource,
    example: {
      object: 'template_dry_run',
      client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
      template_id: templateExample.id,
      version: 2,
      installed_version: 1,
      items: [
        { id: 'agent_placeholder:2101', kind: 'agent_placeholder', key: '2101', label: 'Front desk (2101)', status: 'diverged', default_choice: 'keep', installed_before: true, takes_secret: false, current: { name: 'Meera', extension: '2101', permissionGroup: 'supervisor', webrtc: true }, wanted: itemExamples[1]!.data, note: 'Edited in the client since it was installed.' },
        { id: 'voice_bot:appointment-bot', kind: 'voice_bot', key: 'appointment-bot', label: 'Appointment bot', status: 'new', default_choice: 'overwrite', installed_before: false, takes_secret: true, current: null, wanted: itemExamples[2]!.data, note: null },
      ],
    },
  },
  errors: ['not_found', 'conflict'],
});

const installItemResource = z.object({ kind: z.string(), key: z.string(), label: z.string(), status: z.string(), choice: z.enum(['skip', 'overwrite', 'keep']), result: z.string().meta({ description: '`applied`, `unchanged`, `kept`, `skipped`; on a failed install `failed` and `rolled_back`.' }), note: z.string().nullable() });

export const installResource = z
  .object({
    object: z.literal('template_install'),
    id: idOf('tpli', 'The install record’s id.'),
    client_id: z.string(),
    template_id: z.string(),
    version: z.number().int(),
    kind: z.enum(['install', 'upgrade']),
    status: z.enum(['applied', 'failed']),
    items: z.array(installItemResource),
    error: z.string().nullable(),
    actor: z.object({ type: z.string(), id: z.string().nullable() }),
    replayed: z.boolean().meta({ description: 'True when this answers an earlier install (a retry, or nothing left to do).' }),
    created_at: timestamp,
  })
  .meta({ id: 'TemplateInstall' });

const installExample = {
  object: 'template_install',
  id: 'tpli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  template_id: templateExample.id,
  version: 2,
  kind: 'upgrade',
  status: 'applied',
  items: [
    { kind: 'agent_placeholder', key: '2101', label: 'Front desk (2101)', status: 'diverged', choice: 'keep', result: 'kept', note: null },
    { kind: 'voice_bot', key: 'appointment-bot', label: 'Appointment bot', status: 'new', choice: 'overwrite', result: 'applied', note: null },
  ],
  error: null,
  actor: { type: 'api_key', id: 'key_01kaz3d4mqf2v8n6w0c1e5rj7t' },
  replayed: false,
  created_at: '2026-11-22T10:00:00.000Z',
};

export function toInstallResource(install: InstallView) {
  return {
    object: 'template_install' as const,
    id: install.id,
    client_id: install.clientId,
    template_id: install.templateId,
    version: install.version,
    kind: install.kind,
    status: install.status,
    items: install.items.map((item) => ({ kind: item.kind, key: item.key, label: item.label, status: item.status, choice: item.choice, result: item.result, note: item.note ?? null })),
    error: install.error,
    actor: install.actor,
    replayed: install.replayed,
    created_at: install.createdAt,
  };
}

export const installTemplateOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/template_installs',
  operationId: 'installTemplate',
  summary: 'Install a template into a client',
  description:
    'Applies a version to the client in one transaction: every item or none (a failure leaves the client as it was, and is kept as a `failed` install record). Items take `choices` or the dry run’s default. Send an Idempotency-Key: a retry answers the first install; two installs at once into one client take turns, and the second answers the first when nothing is left to do. Raises `template.installed` (or `template.upgraded` from an older version).',
  tag,
  scope: 'templates:write',
  params: clientIdParams,
  body: installRequest,
  bodyExample: installBodyExample,
  response: { status: 201, description: 'The install record.', schema: installResource, example: installExample },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

export const listInstallsOperation = defineOperation({
  method: 'GET',
  path: '/template_installs',
  operationId: 'listTemplateInstalls',
  summary: 'List install records',
  description: 'Installs, upgrades and failed attempts, newest first; of one client or one template when asked.',
  tag,
  scope: 'templates:read',
  query: z.strictObject({ ...listParamsShape, client_id: idOf('cli', 'Only this client’s.').optional(), template_id: idOf('tpl', 'Only this template’s.').optional() }),
  response: { status: 200, description: 'A page of install records.', schema: pageOf(installResource), example: { object: 'list', data: [installExample], has_more: false } },
});

export const getInstallOperation = defineOperation({
  method: 'GET',
  path: '/template_installs/{install_id}',
  operationId: 'getTemplateInstall',
  summary: 'Get an install record',
  description: 'One install record: the version, what each item was found to be, what was chosen and done, who and when.',
  tag,
  scope: 'templates:read',
  params: z.strictObject({ install_id: idOf('tpli', 'The install record’s id.') }),
  response: { status: 200, description: 'The install record.', schema: installResource, example: installExample },
  errors: ['not_found'],
});

const upgradeResultResource = z.object({
  client_id: z.string(),
  client_name: z.string().nullable(),
  from_version: z.number().int().nullable(),
  status: z.enum(['upgraded', 'would_upgrade', 'up_to_date', 'not_installed', 'failed']),
  install_id: z.string().nullable(),
  error: z.string().nullable(),
  items: z.record(z.string(), z.number().int()).meta({ description: 'Items by what the dry run found.' }),
});

export function toUpgradeResult(result: UpgradeResult) {
  return { client_id: result.clientId, client_name: result.clientName, from_version: result.fromVersion, status: result.status, install_id: result.installId, error: result.error, items: result.items };
}

export const upgradeTemplateOperation = defineOperation({
  method: 'POST',
  path: '/provisioning_templates/{template_id}/upgrade',
  operationId: 'upgradeTemplateClients',
  summary: 'Upgrade installed clients',
  description:
    'Moves every client with an older version installed (or the ones in `client_ids`) to a version, each in its own all-or-nothing install with the same choices, and reports a status per client: one client’s failure stops no other. `dry_run: true` only reports. With an Idempotency-Key a retry repeats no upgrade already done.',
  tag,
  scope: 'templates:write',
  params: templateIdParams,
  body: upgradeSchema,
  bodyExample: { client_ids: ['cli_01kaz3d4mqf2v8n6w0c1e5rj7t'], choices: { 'agent_placeholder:2101': 'overwrite' } },
  response: {
    status: 200,
    description: 'A status per client.',
    schema: z.object({ object: z.literal('template_upgrade'), template_id: z.string(), version: z.number().int(), dry_run: z.boolean(), summary: z.record(z.string(), z.number().int()), results: z.array(upgradeResultResource) }),
    example: {
      object: 'template_upgrade',
      template_id: templateExample.id,
      version: 2,
      dry_run: false,
      summary: { upgraded: 1 },
      results: [{ client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', client_name: 'Bluebird Logistics', from_version: 1, status: 'upgraded', install_id: installExample.id, error: null, items: { diverged: 1, new: 1 } }],
    },
  },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

const contentsResource = z.object({ clients: z.number().int(), numbers: z.number().int(), agents: z.number().int(), channels: z.number().int(), calls: z.number().int(), charges: z.number().int() });

export const resetSandboxOperation = defineOperation({
  method: 'POST',
  path: '/sandbox/reset',
  operationId: 'resetSandbox',
  summary: 'Reset the sandbox with sample data',
  description:
    'Empties your sandbox, its events and their webhook deliveries too (keeping its API keys, webhook endpoints, settings and audit log) and fills it, in one transaction, with sample data through the simulators: two clients through KYC, a number each, agents and a voice bot, a WhatsApp channel, a masking session with calls, and charges in the sandbox’s own book. Nothing reaches a real provider or your live balance. Works with a live or a test key; acts on the sandbox either way. The sample client owners and agents sign in with `sample_password`, new at each reset. Raises `sandbox.reset` in test mode.',
  tag: 'Sandbox',
  scope: 'sandbox:write',
  response: {
    status: 200,
    description: 'What the sandbox holds now.',
    schema: z.object({ object: z.literal('sandbox_reset'), sandbox_id: z.string(), contents: contentsResource, sample_password: z.string(), sample_logins: z.array(z.string()) }),
    example: { object: 'sandbox_reset', sandbox_id: 'ptn_01kaz3d4mqf2v8n6w0c1e5rj7t', contents: { clients: 2, numbers: 2, agents: 4, channels: 1, calls: 2, charges: 4 }, sample_password: 'Sandbox-3f9a0c1e5b7d-1', sample_logins: ['owner@sample-clinic.test', 'owner@sample-traders.test'] },
  },
  errors: ['forbidden'],
});
