import { getTestClockOperation, toTestClockResource } from '@/lib/api/operations/sandbox';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getTestClock } from '@/lib/sandbox/test-clock';

// GET /api/v1/sandbox/test_clock – the sandbox's test clock
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getTestClockOperation, async ({ ctx }) => toTestClockResource(await getTestClock(ctx))),
});
