import { apiKeyStatus } from '@/lib/api-keys/key-status';
import { listApiKeys } from '@/lib/api-keys/manage-api-keys';
import { systemCtx } from '@/lib/audit/context';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { defineCommand } from '../command';

export const listApiKeysCommand = defineCommand({
  name: 'list-api-keys',
  summary: "List a partner's API keys (live and test) with their status; never the secrets.",
  usage: '--partner <slug> [--json]',
  options: { partner: { type: 'string' }, json: { type: 'boolean' } },
  required: ['partner'],
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const keys = (await listApiKeys({ ...systemCtx, partnerId: partner.id })).map((key) => ({
      id: key.id,
      name: key.name,
      mode: key.mode,
      prefix: key.displayPrefix,
      scopes: key.scopes,
      status: apiKeyStatus(key),
      expiresAt: key.expiresAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
    }));
    if (flags.json) {
      io.out(JSON.stringify(keys, null, 2));
      return;
    }
    if (keys.length === 0) {
      io.out(`${partner.slug} has no API keys. Create one with: npm run cli -- create-api-key --partner ${partner.slug} --name <name> --mode live --scopes clients:read`);
      return;
    }
    for (const key of keys) io.out(`${key.id}  ${key.mode.padEnd(4)}  ${key.status.padEnd(7)}  ${key.prefix}  ${key.name}  [${key.scopes.join(',')}]${key.expiresAt ? `  expires ${key.expiresAt}` : ''}`);
    io.out(`${keys.length} key${keys.length === 1 ? '' : 's'}`);
  },
});
