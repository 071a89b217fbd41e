import type { z } from 'zod';
import type { PartnerCtx } from '@/lib/audit/context';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';

/** What a client has now of one item: nothing, something (in the item's own shape), or no place for it yet. */
export type CurrentState<D> = { state: 'absent' } | { state: 'present'; data: D } | { state: 'unavailable'; reason: string };

export type ApplyOptions = {
  /** Secrets the installer gives for this item (a voice bot's auth header); never stored in a template. */
  secret?: string;
  /** Name resolution for URL checks (tests answer without the network). */
  resolve?: Resolver;
};

/**
 * One kind of setup item a template can hold. Each kind lives in its own file and knows three things about a
 * client: what it has of the kind now (`snapshot`, `current`), and how to make one item so (`apply`). The
 * engine (plan, install, upgrade) knows nothing else about them, so a new kind is one file and one line in
 * the registry. `apply` runs inside the install's one transaction and calls the owning domain's functions,
 * so their rules, audit entries and events hold exactly as if a person had made the change.
 */
export type ItemKind<D extends Record<string, unknown> = Record<string, unknown>> = {
  kind: string;
  label: string;
  description: string;
  /** What an item of this kind holds; the editor and the REST API validate with it. */
  schema: z.ZodType<D>;
  /** Example content, for the editor's "add item" and the API reference. */
  example: D;
  /** A key for an item's content when none is given (the key ties a template item to the client's thing). */
  keyOf: (data: D) => string;
  /** A short name for lists. */
  labelOf: (data: D) => string;
  /** Everything of this kind the client has now, as template items ("save a client's setup as a template"). */
  snapshot: (ctx: PartnerCtx, clientId: string) => Promise<{ key: string; data: D }[]>;
  current: (ctx: PartnerCtx, clientId: string, key: string, wanted: D) => Promise<CurrentState<D>>;
  apply: (ctx: PartnerCtx, clientId: string, key: string, data: D, options: ApplyOptions) => Promise<void>;
  /** Whether installing an item of this kind takes a secret from the installer. */
  takesSecret?: boolean;
};
