import type { ApiOperation } from '@/lib/api/operation';
import type { Scope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { parseIvrInput, type IvrFieldDoc, type IvrFields, type MappedInput } from './fields';

/** IVR Solutions' ten capability groups, in the order of its reference, and the click-to-connect masking its site names. */
export const ivrGroups = [
  'Client Registration & KYC',
  'Clients',
  'DID Numbers',
  'DID Scheduling',
  'Agents',
  'Agent Scheduling & Availability',
  'Call Flows',
  'Voice Bots',
  'WhatsApp',
  'Wallet & Credits',
  'Number Masking',
] as const;
export type IvrGroup = (typeof ivrGroups)[number];

/** A field of `data` in the answer: its IVR Solutions name, the field of the Switchboard resource it comes from. */
export type DataField = { name: string; from: string; map?: (value: unknown) => unknown; note?: string };

type Common = {
  group: IvrGroup;
  method: 'GET' | 'POST';
  /** The path under /partnerclients/, with `{param}` placeholders: `verify_otp`, `client/{client_id}`. */
  path: string;
  summary: string;
  /** IVR Solutions' own example request body, verbatim from its reference. */
  example?: Record<string, unknown>;
};

/** An endpoint of a group not built yet: answered 501, listed in the migration guide with its documented fields. */
export type ComingEndpoint = Common & { status: 'coming'; fields: Record<string, IvrFieldDoc>; comesWith: string };

/** An endpoint that answers: how its fields map, which REST operation (and scope) it is, and what `data` holds. */
export type AvailableEndpoint = Common & {
  status: 'available';
  fields: IvrFields;
  rest: ApiOperation;
  data: { shape: 'object' | 'list'; fields: DataField[] };
  differences: string[];
  /** Checks the fields' shape and renames them; throws a validation AppError naming IVR Solutions' fields. */
  parse(raw: Record<string, unknown>): unknown;
  /** Calls the domain function the REST operation calls, and words the answer. */
  serve(ctx: ApiCtx, input: unknown): Promise<{ message: string; data: unknown }>;
};

export type IvrEndpoint = AvailableEndpoint | ComingEndpoint;

export const scopeOf = (endpoint: IvrEndpoint): Scope | null => (endpoint.status === 'available' ? endpoint.rest.scope : null);

/** Reads a dotted path (`kyc.pan.masked`) of a resource. */
function at(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source);
}

/** A Switchboard resource as IVR Solutions' `data`: the listed fields, under their IVR Solutions names. */
export function project(fields: DataField[], resource: unknown): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(resource ?? null)) as unknown;
  return Object.fromEntries(fields.map((field) => [field.name, field.map ? field.map(at(plain, field.from)) : (at(plain, field.from) ?? null)]));
}

/**
 * Defines an available endpoint. `call` gets the fields under their Switchboard names and calls the same domain
 * function as the REST operation's route; `message` words the outcome for IVR Solutions' `message`.
 */
export function available<const F extends IvrFields, R>(definition: Common & {
  fields: F;
  rest: ApiOperation;
  data: { shape: 'object' | 'list'; fields: DataField[] };
  differences?: string[];
  call: (ctx: ApiCtx, input: MappedInput<F>) => Promise<R>;
  /** The resource(s) the answer's `data` is projected from. */
  resource?: (result: R) => unknown;
  message: (result: R, input: MappedInput<F>) => string;
}): AvailableEndpoint {
  const { call, resource = (result: R) => result, message, ...rest } = definition;
  return {
    ...rest,
    status: 'available',
    differences: definition.differences ?? [],
    parse(raw) {
      const parsed = parseIvrInput(definition.fields, raw);
      if (parsed.ok) return parsed.value;
      const entries = Object.entries(parsed.errors);
      throw new AppError('validation_failed', entries.length === 1 ? entries[0]![1] : `${entries.length} fields are invalid.`, parsed.errors);
    },
    async serve(ctx, input) {
      const result = await call(ctx, input as MappedInput<F>);
      const source = resource(result);
      const data = definition.data.shape === 'list' ? (source as unknown[]).map((item) => project(definition.data.fields, item)) : project(definition.data.fields, source);
      return { message: message(result, input as MappedInput<F>), data };
    },
  };
}

/** An endpoint of a group that a later capability brings, with IVR Solutions' documented fields. */
export function coming(group: IvrGroup, comesWith: string, method: 'GET' | 'POST', path: string, summary: string, fields: Record<string, IvrFieldDoc>, example?: Record<string, unknown>): ComingEndpoint {
  return { status: 'coming', group, comesWith, method, path, summary, fields, example };
}
