import { billingDetailsInputOf, getBillingDetailsOperation, setBillingDetailsOperation, toBillingDetailsResource } from '@/lib/api/operations/billing-details';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { clientBillingDetails, setClientBillingDetails } from '@/lib/invoices/tax-profiles';

// GET /api/v1/clients/:client_id/billing_details – what its invoices carry; PUT – replace them
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getBillingDetailsOperation, async ({ ctx, params }) => toBillingDetailsResource(params.client_id, await clientBillingDetails(ctx, params.client_id))),
  PUT: apiRoute(setBillingDetailsOperation, async ({ ctx, params, body }) => toBillingDetailsResource(params.client_id, await setClientBillingDetails(ctx, params.client_id, billingDetailsInputOf(body)))),
});
