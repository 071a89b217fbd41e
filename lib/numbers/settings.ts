import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { numberSettings } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { parseInput, type Untrusted } from '@/lib/errors/zod';

export const defaultNumberSettings = { quarantineDays: 30, graceDays: 7, suspendedDays: 15 };

export const numberSettingsSchema = z.object({
  quarantineDays: z.coerce.number('Give a number of days.').int('Give a whole number of days.').min(0, 'At least 0 days.').max(180, 'At most 180 days.'),
  graceDays: z.coerce.number('Give a number of days.').int('Give a whole number of days.').min(0, 'At least 0 days.').max(60, 'At most 60 days.'),
  suspendedDays: z.coerce.number('Give a number of days.').int('Give a whole number of days.').min(1, 'At least 1 day.').max(90, 'At most 90 days.'),
});

export type NumberSettings = z.infer<typeof numberSettingsSchema>;

export async function numberSettingsOf(q: Queryable, partnerId: string): Promise<NumberSettings> {
  const [row] = await q.select().from(numberSettings).where(eq(numberSettings.partnerId, partnerId)).limit(1);
  return row ? { quarantineDays: row.quarantineDays, graceDays: row.graceDays, suspendedDays: row.suspendedDays } : defaultNumberSettings;
}

/** How long released numbers stay recallable, and how an unpaid rental is handled. */
export async function setNumberSettings(ctx: PartnerCtx, input: Untrusted<z.input<typeof numberSettingsSchema>>): Promise<NumberSettings> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(numberSettingsSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await numberSettingsOf(tx, ctx.partnerId);
    await tx.insert(numberSettings).values({ partnerId: ctx.partnerId, ...data }).onConflictDoUpdate({ target: numberSettings.partnerId, set: data });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'number_settings.updated', targetType: 'partner', targetId: ctx.partnerId, before, after: data });
    return data;
  });
}

export async function getNumberSettings(ctx: PartnerCtx): Promise<NumberSettings> {
  requirePartnerRole(ctx, 'member');
  return numberSettingsOf(getDb(), ctx.partnerId);
}
