import { getNumberSettingsOperation, setNumberSettingsOperation, toNumberSettingsResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getNumberSettings, setNumberSettings } from '@/lib/numbers/settings';

// GET, PUT /api/v1/number_settings – quarantine and unpaid-rental periods
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getNumberSettingsOperation, async ({ ctx }) => toNumberSettingsResource(await getNumberSettings(ctx))),
  PUT: apiRoute(setNumberSettingsOperation, async ({ ctx, body }) => toNumberSettingsResource(await setNumberSettings(ctx, { quarantineDays: body.quarantine_days, graceDays: body.grace_days, suspendedDays: body.suspended_days }))),
});
