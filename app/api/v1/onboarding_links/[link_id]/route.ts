import { getOnboardingLinkOperation } from '@/lib/api/operations/onboarding-links';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getOnboardingLink } from '@/lib/onboarding/onboarding-links';

// GET /api/v1/onboarding_links/:link_id – get an onboarding link
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getOnboardingLinkOperation, ({ ctx, params }) => getOnboardingLink(ctx, params.link_id)),
});
