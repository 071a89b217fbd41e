import { refundChargeOperation } from '@/lib/api/operations/billing';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { refundCharge } from '@/lib/ledger/refund-charge';

// POST /api/v1/charges/:charge_id/refund – refund a charge exactly
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(refundChargeOperation, async ({ ctx, params, body }) => {
    const refund = await refundCharge(ctx, { chargeId: params.charge_id, reason: body.reason });
    return { object: 'refund', id: refund.refundId, charge_id: refund.chargeId, retail: Number(refund.retail), wholesale: Number(refund.wholesale), commission: Number(refund.commission) };
  }),
});
