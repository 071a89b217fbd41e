import type { getDayBalance } from './day-balance';

/** The day balance as the REST API names its fields. */
export const dayBalanceResource = (balance: Awaited<ReturnType<typeof getDayBalance>>) => ({
  object: 'day_balance' as const,
  balance: balance.balance,
  threshold: balance.threshold,
  day_price: Number(balance.dayPrice),
  bought: balance.bought,
  in_channels: balance.inChannels,
  reclaimed: balance.reclaimed,
});
