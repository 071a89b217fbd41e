import { setWorkspaceBillingInfoOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { getWorkspace, setBillingInfo } from '@/lib/workspaces/manage-workspaces';

// PUT /api/v1/workspaces/:workspace_id/billing_info – who invoices are addressed to
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setWorkspaceBillingInfoOperation, async ({ ctx, params, body }) => {
    await withApiFieldNames(() =>
      setBillingInfo(ctx, params.workspace_id, {
        legalName: body.legal_name,
        gstin: body.gstin ?? null,
        addressLine1: body.address_line1,
        addressLine2: body.address_line2 ?? null,
        city: body.city,
        state: body.state,
        pincode: body.pincode,
        email: body.email ?? null,
      }),
    );
    return getWorkspace(ctx, params.workspace_id);
  }),
});
