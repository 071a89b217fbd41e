import { getDb } from '@/db';
import { clientMembers, clients } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';

type SeedClientInput = {
  name: string;
  email: string;
  status: 'pending' | 'active' | 'inactive';
  owner?: { name: string; password: string };
};

/**
 * Creates a client directly, with an optional owner member who can sign in. Only for demo data and tests, run
 * by the system or an operator: partners create clients through onboarding and KYC, which enforces the rules.
 */
export async function seedClient(ctx: PartnerCtx, input: SeedClientInput) {
  requireOperator(ctx);
  const ownerHash = input.owner ? await hashPassword(input.owner.password) : null;
  return getDb().transaction(async (tx) => {
    const [client] = await tx.insert(clients).values({ partnerId: ctx.partnerId, name: input.name, email: input.email, status: input.status }).returning();
    if (input.owner) {
      await tx.insert(clientMembers).values({ clientId: client!.id, partnerId: ctx.partnerId, email: input.email, name: input.owner.name, role: 'owner', passwordHash: ownerHash });
    }
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client.created', targetType: 'client', targetId: client!.id, after: { name: input.name, email: input.email, status: input.status } });
    return client!;
  });
}
