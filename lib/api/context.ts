import type { PartnerCtx } from '@/lib/audit/context';

/** The context every REST operation receives: which partner (live or its sandbox), through which key. */
export type ApiCtx = PartnerCtx & {
  environment: 'live' | 'test';
  /** The live partner owning the key, whatever the environment. */
  livePartnerId: string;
  apiKeyId: string;
  scopes: string[];
  requestId: string;
};
