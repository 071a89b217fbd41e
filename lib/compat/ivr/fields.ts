import { z } from 'zod';
import { isStorableText } from '@/lib/errors/unstorable-text';

/**
 * IVR Solutions' request fields and the Switchboard field each one becomes. Its clients send every value as a
 * string, often from HTML forms (`"status": "1"`, `"page": ""`), and some send JSON numbers where the docs say
 * string, so each field accepts both and hands the domain what its own schema expects. Only the shape is checked
 * here (present, text, not a NUL byte); every rule about the value is the domain's.
 */

export type IvrFieldType = 'string' | 'integer' | 'object';

/** What IVR Solutions documents about a field: where it goes, whether it must be sent, its type and note. */
export type IvrFieldDoc = { in: 'body' | 'path'; required: boolean; type: IvrFieldType; note?: string };

/** A field of an available endpoint: IVR Solutions' documentation of it, and how it is mapped. */
export type IvrField<To extends string = string, T = unknown> = IvrFieldDoc & {
  /** The Switchboard field it becomes (a path parameter or body field of the REST operation). */
  to: To;
  /** What differs from IVR Solutions, for the migration guide. */
  difference?: string;
  schema: z.ZodType<T>;
};


/** Text as IVR Solutions sends it: a string, or a number or boolean meant as one. Never an object or a list. */
function textValue(name: string) {
  return z
    .union([z.string(), z.number(), z.boolean()], { error: `${name} must be text.` })
    .transform((value) => String(value))
    .refine(isStorableText, `${name} must not contain a NUL character or a lone surrogate (it is not text that can be stored).`);
}

function presence<T>(name: string, schema: z.ZodType<T>, required: boolean): z.ZodType<T | undefined> {
  // An optional field sent empty or null is a field not sent, as such clients mean it ("page": "").
  if (!required) return z.preprocess((value) => (value === null || value === '' ? undefined : value), schema.optional()) as z.ZodType<T | undefined>;
  return z.unknown().superRefine((value, ctx) => {
    if (value === undefined || value === null) ctx.addIssue({ code: 'custom', message: `${name} is required.`, abort: true });
  }).pipe(schema as z.ZodType<T, unknown>) as z.ZodType<T | undefined>;
}

type Options = { required?: boolean; ivrRequired?: boolean; in?: 'body' | 'path'; note?: string; difference?: string };

/** A text field, passed to the domain under `to`. `required` is whether Switchboard needs it (default: as IVR says). */
export function text<To extends string>(name: string, to: To, options: Options & { required: false }): IvrField<To, string | undefined>;
export function text<To extends string>(name: string, to: To, options?: Options): IvrField<To, string>;
export function text<To extends string>(name: string, to: To, options: Options = {}): IvrField<To, string | undefined> {
  const ivrRequired = options.ivrRequired ?? options.required ?? true;
  const required = options.required ?? ivrRequired;
  return {
    in: options.in ?? 'body',
    required: ivrRequired,
    type: 'string',
    note: options.note,
    difference: options.difference,
    to,
    schema: presence(name, textValue(name), required) as z.ZodType<string | undefined>,
  };
}

/**
 * A whole number sent as IVR Solutions' clients send it: `"3"`, `3`, or `""` for "not given" (its own examples
 * send `"page": ""`).
 */
export function integer<To extends string>(name: string, to: To, options: Omit<Options, 'required'> = {}): IvrField<To, number | undefined> {
  return {
    in: options.in ?? 'body',
    required: options.ivrRequired ?? false,
    type: 'integer',
    note: options.note,
    difference: options.difference,
    to,
    schema: z
      .union([z.string(), z.number()], { error: `${name} must be a whole number.` })
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
        const number = typeof value === 'number' ? value : Number(value.trim());
        if (!Number.isSafeInteger(number)) {
          ctx.addIssue({ code: 'custom', message: `${name} must be a whole number.` });
          return z.NEVER;
        }
        return number;
      }) as z.ZodType<number | undefined>,
  };
}

/** Fields as documented, for endpoints not built yet: the migration guide lists them before they are mapped. */
export const documented = (type: IvrFieldType, required: boolean, note?: string, where: 'body' | 'path' = 'body'): IvrFieldDoc => ({ in: where, required, type, note });

export type IvrFields = Record<string, IvrField<string, unknown>>;

/** The fields' values under their Switchboard names, typed. */
export type MappedInput<F extends IvrFields> = { [K in keyof F as F[K]['to']]: F[K] extends IvrField<string, infer T> ? T : never };

/**
 * Parses IVR Solutions' fields and renames them to Switchboard's. Fields IVR Solutions' clients send beyond these
 * are ignored, as IVR Solutions ignores them. Errors name the fields as the client sent them.
 */
export function parseIvrInput<F extends IvrFields>(fields: F, raw: Record<string, unknown>): { ok: true; value: MappedInput<F> } | { ok: false; errors: Record<string, string> } {
  const value: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const result = field.schema.safeParse(raw[name]);
    if (result.success) {
      if (result.data !== undefined) value[field.to] = result.data;
    } else {
      errors[name] = result.error.issues[0]?.message ?? `${name} is invalid.`;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value as MappedInput<F> };
}
