import { buyDaysOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { dayBalanceResource } from '@/lib/channels/day-balance-resource';
import { buyDays, getDayBalance } from '@/lib/channels/day-balance';

// POST /api/v1/day_balance/purchases – buy days at the wholesale day price
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(buyDaysOperation, async ({ ctx, body, request }) => {
    const bought = await buyDays(ctx, body, request.headers.get('idempotency-key') ?? undefined);
    return { ...dayBalanceResource(await getDayBalance(ctx)), cost: Number(bought.cost) };
  }),
});
