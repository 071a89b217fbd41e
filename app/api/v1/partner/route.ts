import { getPartnerOperation } from '@/lib/api/operations/partner';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { describePartner } from '@/lib/partners/describe-partner';

// GET /api/v1/partner – who am I
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getPartnerOperation, ({ ctx }) => describePartner(ctx)),
});
