import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { systemCtx } from '@/lib/audit/context';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { defineCommand } from '../command';

export const createApiKeyCommand = defineCommand({
  name: 'create-api-key',
  summary: 'Create a partner API key (test keys act on its sandbox); the secret is printed once.',
  usage: '--partner <slug> --name <name> --mode live|test --scopes <scope,scope> [--expires <ISO 8601 time>]',
  options: { partner: { type: 'string' }, name: { type: 'string' }, mode: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' } },
  required: ['partner', 'name', 'mode', 'scopes'],
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const scopes = flags.scopes.split(',').map((scope) => scope.trim()).filter(Boolean);
    // Mode, scopes and expiry are checked by the domain schema, which names what is allowed.
    const { apiKey, secret } = await createApiKey({ ...systemCtx, partnerId: partner.id }, { name: flags.name, mode: flags.mode, scopes, expiresAt: flags.expires });
    io.out(`Created ${apiKey.mode} API key “${apiKey.name}” (${apiKey.id}) for ${partner.slug} with ${apiKey.scopes.join(', ')}${apiKey.expiresAt ? `, expiring ${apiKey.expiresAt.toISOString()}` : ''}.`);
    io.out(`API key (shown once): ${secret}`);
  },
});
