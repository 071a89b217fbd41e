import { createOnboardingLinkOperation, listOnboardingLinksOperation } from '@/lib/api/operations/onboarding-links';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createOnboardingLink, listOnboardingLinks } from '@/lib/onboarding/onboarding-links';

// POST /api/v1/onboarding_links – create a hosted onboarding link; GET – list them
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createOnboardingLinkOperation, ({ ctx, body }) => createOnboardingLink(ctx, body)),
  GET: apiRoute(listOnboardingLinksOperation, async ({ ctx, query }) => ({ object: 'list', ...(await listOnboardingLinks(ctx, query)) })),
});
