import { systemCtx } from '@/lib/audit/context';
import { createPartner } from '@/lib/partners/create-partner';
import type { CreatePartnerInput } from '@/lib/partners/schemas';
import { partnerUrl } from '@/lib/tenancy/urls';
import { defineCommand } from '../command';

export const createPartnerCommand = defineCommand({
  name: 'create-partner',
  summary: 'Create a partner with default branding.',
  usage: '--slug <slug> --name <name> [--tier standard|premium|enterprise]',
  options: { slug: { type: 'string' }, name: { type: 'string' }, tier: { type: 'string' } },
  required: ['slug', 'name'],
  async run(flags, io) {
    // The tier is checked by the domain schema, which names the allowed values when it is wrong.
    const partner = await createPartner(systemCtx, { slug: flags.slug, name: flags.name, tier: flags.tier as CreatePartnerInput['tier'] });
    io.out(`Created partner ${partner.slug} “${partner.name}” (${partner.id}), tier ${partner.tier}.`);
    io.out(`Console: ${partnerUrl(partner.slug)}`);
    io.out(`Add its first owner: npm run cli -- create-partner-user --partner ${partner.slug} --email <email> --name <name> --role owner`);
  },
});
