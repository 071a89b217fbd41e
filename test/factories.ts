import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { getConfig } from '@/lib/config';
import { createPartner } from '@/lib/partners/create-partner';
import type { CreatePartnerInput } from '@/lib/partners/schemas';
import { addTeamMember } from '@/lib/team/add-team-member';

/**
 * Builders for integration tests. Every name they make is unique, so tests can share one real PostgreSQL
 * database (as in CI) without seeing each other's rows.
 */
export const unique = () => randomBytes(4).toString('hex');

export const uniqueEmail = (label = 'user') => `${label}-${unique()}@example.com`;

/** A custom domain nobody else in the database has used. */
export const uniqueDomain = (label = 'console') => `${label}-${unique()}.example.com`;

export async function makePartner(prefix = 'ptn', input: Partial<CreatePartnerInput> = {}) {
  const slug = `${prefix}-${unique()}`;
  return createPartner(systemCtx, { slug, name: `Partner ${slug}`, ...input });
}

/** The system acting inside one partner, as the CLI and the operator console do. */
export const systemFor = (partnerId: string): PartnerCtx => ({ ...systemCtx, partnerId });

export type Staff = { id: string; email: string; role: 'owner' | 'admin' | 'member'; password: string; ctx: PartnerCtx };

/** A partner user who can sign in, with the context their own requests would carry. */
export async function makeStaff(partnerId: string, role: Staff['role'] = 'member'): Promise<Staff> {
  const added = await addTeamMember(systemFor(partnerId), { email: uniqueEmail(role), name: `Test ${role}`, role, delivery: 'password' });
  // As if they had already replaced the temporary password with their own (it is kept as their password here).
  await getDb().update(partnerUsers).set({ mustChangePassword: false }).where(eq(partnerUsers.id, added.user.id));
  return {
    id: added.user.id,
    email: added.user.email,
    role,
    password: added.temporaryPassword!,
    ctx: { partnerId, actor: { type: 'partner_user', id: added.user.id, partnerId, role } },
  };
}

/** The partner's platform subdomain, e.g. acme.localhost. */
export const subdomainOf = (slug: string) => `${slug}.${getConfig().PLATFORM_DOMAIN}`;
