'use server';

import { fieldsOf, formAction } from '@/lib/actions/form-action';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { portalPairingCode, portalSimulateScan } from '@/lib/portal/portal-services';

// The channel is looked up among the signed-in member's own client's: another client's id is a 404.
export const portalPairingCodeAction = formAction<{ code: string }>(async (formData) => {
  const { ctx } = await requirePortalSession();
  const { channelId, ...fields } = fieldsOf(formData);
  const { code } = await portalPairingCode(ctx, channelId ?? '', fields);
  return { data: { code } };
});

export const portalSimulateScanAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  const { channelId, ...fields } = fieldsOf(formData);
  await portalSimulateScan(ctx, channelId ?? '', fields);
  return { message: 'Scan simulated.' };
});
