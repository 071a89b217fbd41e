import { simulateTopUpOperation } from '@/lib/api/operations/billing';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { simulateSandboxTopUp } from '@/lib/ledger/sandbox-helpers';

// POST /api/v1/billing/simulate_top_up – fund the sandbox (test mode only)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(simulateTopUpOperation, async ({ ctx, body }) => {
    const done = await simulateSandboxTopUp(ctx, body);
    return { object: 'top_up', amount: Number(done.amount), balance: Number(done.balance) };
  }),
});
