import { revokeApiKey } from '@/lib/api-keys/manage-api-keys';
import { systemCtx } from '@/lib/audit/context';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { defineCommand } from '../command';

export const revokeApiKeyCommand = defineCommand({
  name: 'revoke-api-key',
  summary: "Revoke one of a partner's API keys (see list-api-keys for ids).",
  usage: '--partner <slug> --id <key id>',
  options: { partner: { type: 'string' }, id: { type: 'string' } },
  required: ['partner', 'id'],
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    await revokeApiKey({ ...systemCtx, partnerId: partner.id }, flags.id);
    // Running servers keep a key in their cache for a few seconds; they refuse it at the latest then.
    io.out(`Revoked API key ${flags.id} of ${partner.slug}. Running servers refuse it within 10 seconds.`);
  },
});
