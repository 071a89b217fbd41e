import { verifySendingDomainOperation } from '@/lib/api/operations/sending-domain';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { verifySendingDomain } from '@/lib/sending-domains/manage-sending-domain';

// POST /api/v1/sending_domain/verify – check the records now
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(verifySendingDomainOperation, async ({ ctx }) => {
    const { found, ...domain } = await verifySendingDomain(ctx);
    void found;
    return domain;
  }),
});
