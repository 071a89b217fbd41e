import { asc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { planAddons, plans, type PlanAddon, type Plan } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperator } from '@/lib/auth/permissions';
import { conflict, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';

const count = (label: string) =>
  z.coerce
    .number(`Give ${label} as a whole number.`)
    .int(`Give ${label} as a whole number.`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative.`)
    .max(100_000_000, `${label[0]!.toUpperCase()}${label.slice(1)} is too large.`);
const paise = (label: string) => z.coerce.bigint(`Give ${label} in paise, as a whole number.`).refine((value) => value >= 0n, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative.`);
const limitsShape = {
  bot_users: count('the bot users'),
  members: count('the members'),
  bots: count('the bots'),
};
const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use 2–40 lower-case letters, digits or underscores, starting with a letter.');
const flag = z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('false').transform(() => false), z.literal('').transform(() => false)]);

export const planSchema = z.object({
  code,
  name: z.string().trim().min(1, 'Give the plan a name.').max(80),
  description: z.string().trim().max(500).default(''),
  limits: z.object(limitsShape),
  rank: z.coerce.number('Give the rank as a whole number.').int('Give the rank as a whole number.').min(0).max(1000).default(0),
  isFree: flag.default(false),
  monthlyList: paise('the monthly list price'),
  yearlyList: paise('the yearly list price'),
  active: flag.default(true),
});

export const addonSchema = z.object({
  code,
  name: z.string().trim().min(1, 'Give the add-on a name.').max(80),
  description: z.string().trim().max(500).default(''),
  adds: z.object(limitsShape),
  monthlyList: paise('the monthly list price'),
  yearlyList: paise('the yearly list price'),
  active: flag.default(true),
});

const snapshot = (row: Plan | PlanAddon) => JSON.parse(JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? value.toString() : value))) as Record<string, unknown>;

function checkFree(data: { isFree: boolean; monthlyList: bigint; yearlyList: bigint }) {
  if (data.isFree && (data.monthlyList > 0n || data.yearlyList > 0n)) throw conflict('The free plan costs nothing: set both list prices to 0.', 'monthlyList');
}

/** Every plan (active or not), smallest first. */
export const allPlans = (q: Queryable = getDb()) => q.select().from(plans).orderBy(asc(plans.rank), asc(plans.code));
export const allAddons = (q: Queryable = getDb()) => q.select().from(planAddons).orderBy(asc(planAddons.code));

/** A plan by its id or its code (the API and the console name plans by code: the catalogue is shared, not owned). */
export async function planById(q: Queryable, id: string): Promise<Plan> {
  const [row] = await q
    .select()
    .from(plans)
    .where(or(eq(plans.id, id), eq(plans.code, id)))
    .limit(1);
  if (!row) throw notFound('Plan');
  return row;
}

/** An add-on by its id or its code. */
export async function addonById(q: Queryable, id: string): Promise<PlanAddon> {
  const [row] = await q
    .select()
    .from(planAddons)
    .where(or(eq(planAddons.id, id), eq(planAddons.code, id)))
    .limit(1);
  if (!row) throw notFound('Add-on');
  return row;
}

/** The plan workspaces fall to when they are not renewed; null until the operator has defined one. */
export async function freePlan(q: Queryable): Promise<Plan | null> {
  const [row] = await q.select().from(plans).where(eq(plans.isFree, true)).limit(1);
  return row ?? null;
}

/** Creates a plan, or changes the one with this code (a code never changes once used). */
export async function savePlan(ctx: Ctx, input: Untrusted<z.input<typeof planSchema>>): Promise<Plan> {
  requireOperator(ctx);
  const data = parseInput(planSchema, input);
  checkFree(data);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.code, data.code)).for('update');
    if (data.isFree) {
      const free = await freePlan(tx);
      if (free && free.code !== data.code) throw conflict(`“${free.name}” is the free plan already; there is one free plan.`, 'isFree');
    }
    if (before?.isFree && !data.isFree) throw conflict('The free plan stays free: workspaces fall back to it when they are not renewed. Change its limits instead.', 'isFree');
    const values = {
      code: data.code,
      name: data.name,
      description: data.description,
      limits: data.limits,
      rank: data.rank,
      isFree: data.isFree,
      monthlyList: data.monthlyList,
      yearlyList: data.yearlyList,
      active: data.isFree ? true : data.active,
    };
    const [row] = before
      ? await tx
          .update(plans)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(plans.id, before.id))
          .returning()
      : await tx.insert(plans).values(values).returning();
    await recordAudit(tx, ctx, {
      action: before ? 'plan.updated' : 'plan.created',
      targetType: 'plan',
      targetId: row!.id,
      before: before ? snapshot(before) : null,
      after: snapshot(row!),
    });
    return row!;
  });
}

/** Creates an add-on, or changes the one with this code. */
export async function saveAddon(ctx: Ctx, input: Untrusted<z.input<typeof addonSchema>>): Promise<PlanAddon> {
  requireOperator(ctx);
  const data = parseInput(addonSchema, input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(planAddons).where(eq(planAddons.code, data.code)).for('update');
    const values = {
      code: data.code,
      name: data.name,
      description: data.description,
      adds: data.adds,
      monthlyList: data.monthlyList,
      yearlyList: data.yearlyList,
      active: data.active,
    };
    const [row] = before
      ? await tx
          .update(planAddons)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(planAddons.id, before.id))
          .returning()
      : await tx.insert(planAddons).values(values).returning();
    await recordAudit(tx, ctx, {
      action: before ? 'plan_addon.updated' : 'plan_addon.created',
      targetType: 'plan_addon',
      targetId: row!.id,
      before: before ? snapshot(before) : null,
      after: snapshot(row!),
    });
    return row!;
  });
}

export async function listCatalogue(ctx: Ctx) {
  requireOperator(ctx);
  const [planRows, addonRows] = await Promise.all([allPlans(), allAddons()]);
  return { plans: planRows, addons: addonRows };
}
