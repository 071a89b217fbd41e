import { tierLimits } from '@/lib/partners/tier-limits';
import { systemCtx } from '@/lib/audit/context';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { setRateLimitOverride } from '@/lib/partners/update-partner';
import { defineCommand } from '../command';

export const setRateLimitCommand = defineCommand({
  name: 'set-rate-limit',
  summary: "Override a partner's API rate limit (requests an hour), or go back to its tier's with `default`.",
  usage: '--partner <slug> --limit <n|default>',
  options: { partner: { type: 'string' }, limit: { type: 'string' } },
  required: ['partner', 'limit'],
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const updated = await setRateLimitOverride(systemCtx, { partnerId: partner.id, rateLimitPerHour: flags.limit });
    io.out(
      updated.rateLimitPerHour
        ? `${partner.slug} may now make ${updated.rateLimitPerHour} API requests an hour (tier ${updated.tier}: ${tierLimits[updated.tier]}).`
        : `${partner.slug} is back to its tier's limit: ${tierLimits[updated.tier]} API requests an hour (${updated.tier}).`,
    );
    io.out('Running servers apply it within 10 seconds.');
  },
});
