import { revokeOnboardingLinkOperation } from '@/lib/api/operations/onboarding-links';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { revokeOnboardingLink } from '@/lib/onboarding/onboarding-links';

// POST /api/v1/onboarding_links/:link_id/revoke – revoke an onboarding link
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(revokeOnboardingLinkOperation, ({ ctx, params }) => revokeOnboardingLink(ctx, params.link_id)),
});
