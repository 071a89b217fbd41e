import { setDaysThresholdOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { dayBalanceResource } from '@/lib/channels/day-balance-resource';
import { getDayBalance, setDaysThreshold } from '@/lib/channels/day-balance';

// PUT /api/v1/day_balance/threshold – the low-days alert
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setDaysThresholdOperation, async ({ ctx, body }) => {
    await setDaysThreshold(ctx, body);
    return dayBalanceResource(await getDayBalance(ctx));
  }),
});
