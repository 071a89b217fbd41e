import { eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { planAddons, plans } from '@/db/schema';

/**
 * The chat-bot product's usual plans and add-ons (UChat's shape), for a new installation's demo data and for
 * tests. Inserted only where the code is free, so running it again (or twice at once) changes nothing and
 * never overwrites what the operator has changed since.
 */
export const standardPlans = [
  {
    code: 'free',
    name: 'Free',
    description: 'One bot for trying things out.',
    rank: 0,
    isFree: true,
    limits: { bot_users: 1_000, members: 1, bots: 1 },
    monthlyList: 0n,
    yearlyList: 0n,
  },
  {
    code: 'pro',
    name: 'Pro',
    description: 'For a growing team.',
    rank: 1,
    isFree: false,
    limits: { bot_users: 10_000, members: 3, bots: 5 },
    monthlyList: 99_900n,
    yearlyList: 999_000n,
  },
  {
    code: 'business',
    name: 'Business',
    description: 'For many bots and a large audience.',
    rank: 2,
    isFree: false,
    limits: { bot_users: 100_000, members: 10, bots: 25 },
    monthlyList: 299_900n,
    yearlyList: 2_999_000n,
  },
];

export const standardAddons = [
  {
    code: 'extra_member',
    name: 'Extra member',
    description: 'One more team member.',
    adds: { bot_users: 0, members: 1, bots: 0 },
    monthlyList: 19_900n,
    yearlyList: 199_000n,
  },
  {
    code: 'extra_bot_users',
    name: 'Extra 5,000 bot users',
    description: 'Five thousand more contacts.',
    adds: { bot_users: 5_000, members: 0, bots: 0 },
    monthlyList: 49_900n,
    yearlyList: 499_000n,
  },
];

/** On a first start (no plan defined yet), the standard catalogue; an operator's own catalogue is left alone. */
export async function installStandardCatalogueIfEmpty(q: Queryable): Promise<boolean> {
  const [any] = await q.select({ id: plans.id }).from(plans).limit(1);
  if (any) return false;
  await ensureStandardCatalogue(q);
  return true;
}

export async function ensureStandardCatalogue(q: Queryable) {
  await q.insert(plans).values(standardPlans).onConflictDoNothing();
  await q.insert(planAddons).values(standardAddons).onConflictDoNothing();
  const [planRows, addonRows] = await Promise.all([
    q
      .select()
      .from(plans)
      .where(
        or(
          inArray(
            plans.code,
            standardPlans.map((plan) => plan.code),
          ),
          eq(plans.isFree, true),
        ),
      ),
    q
      .select()
      .from(planAddons)
      .where(
        inArray(
          planAddons.code,
          standardAddons.map((addon) => addon.code),
        ),
      ),
  ]);
  const plan = (code: string) => planRows.find((row) => row.code === code)!;
  const addon = (code: string) => addonRows.find((row) => row.code === code)!;
  // An installation whose operator made another plan the free one keeps it.
  return {
    free: planRows.find((row) => row.isFree)!,
    pro: plan('pro'),
    business: plan('business'),
    extraMember: addon('extra_member'),
    extraBotUsers: addon('extra_bot_users'),
  };
}
