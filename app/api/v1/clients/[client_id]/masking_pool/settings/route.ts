import { getMaskingPoolSettingsOperation, setMaskingPoolSettingsOperation, toPoolSettingsResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getPoolSettings, setPoolSettings } from '@/lib/masking/pool-settings';

// GET, PUT /api/v1/clients/:client_id/masking_pool/settings – the pool's auto-buy
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getMaskingPoolSettingsOperation, async ({ ctx, params }) => toPoolSettingsResource(params.client_id, await getPoolSettings(ctx, params.client_id))),
  PUT: apiRoute(setMaskingPoolSettingsOperation, async ({ ctx, params, body }) => {
    const current = await getPoolSettings(ctx, params.client_id);
    const next = await setPoolSettings(ctx, params.client_id, { autoBuy: body.auto_buy, maxPoolSize: body.max_pool_size ?? current.maxPoolSize, region: body.region === undefined ? current.region : body.region, type: body.type ?? current.type });
    return toPoolSettingsResource(params.client_id, next);
  }),
});
