import { getDayBalanceOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { dayBalanceResource } from '@/lib/channels/day-balance-resource';
import { getDayBalance } from '@/lib/channels/day-balance';

// GET /api/v1/day_balance – the day balance and where every day bought is
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getDayBalanceOperation, async ({ ctx }) => dayBalanceResource(await getDayBalance(ctx))),
});
