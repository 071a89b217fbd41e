import { advanceTestClockOperation, toTestClockAdvance } from '@/lib/api/operations/sandbox';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { advanceTestClock, getTestClock } from '@/lib/sandbox/test-clock';

// POST /api/v1/sandbox/test_clock/advance – move the sandbox's clock forward and run what fell due
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(advanceTestClockOperation, async ({ ctx, body }) => {
    const run = await advanceTestClock(ctx, body);
    return toTestClockAdvance(run, await getTestClock(ctx));
  }),
});
