import type { actorType } from '@/db/schema';

export type ActorType = (typeof actorType.enumValues)[number];

/** Who is acting, from where. Every domain function takes it explicitly and scopes its queries by it. */
export type Actor =
  | { type: 'operator'; id: string }
  | { type: 'partner_user'; id: string; partnerId: string; role: 'owner' | 'admin' | 'member' }
  | { type: 'client_member'; id: string; partnerId: string; clientId: string }
  | { type: 'api_key'; id: string; partnerId: string }
  | { type: 'system'; id?: undefined };

export type Ctx = { actor: Actor; ip?: string | null };

/** A context acting inside one partner: partner staff, or an operator working on that partner's behalf. */
export type PartnerCtx = Ctx & { partnerId: string };

export const systemCtx: Ctx = { actor: { type: 'system' } };

/** A context acting through a partner API key (REST or a compatibility face): which partner (live or its sandbox). */
export type ApiCtx = PartnerCtx & {
  environment: 'live' | 'test';
  /** The live partner owning the key, whatever the environment. */
  livePartnerId: string;
  apiKeyId: string;
  scopes: string[];
  requestId: string;
};
