import type { FlowmatixEndpoint } from './endpoint';
import { billingGroup } from './translators/billing';
import { customersGroup } from './translators/customers';
import { provisioningGroup } from './translators/provisioning';
import { supportGroup } from './translators/support';
import { usageGroup } from './translators/usage';
import { webhooksGroup } from './translators/webhooks';
import { whiteLabelGroup } from './translators/white-label';

/**
 * The one mapping table of Flowmatix's partner API: the fifteen endpoints of its reference, in its order, and
 * the webhook subscription Switchboard adds. The routes under /compat/flowmatix/api/v1/partners/ dispatch from
 * it and the migration guide (/docs/api/migrating-from-flowmatix) is rendered from it, so they cannot disagree.
 */
export const flowmatixEndpoints: FlowmatixEndpoint[] = [...customersGroup, ...billingGroup, ...usageGroup, ...whiteLabelGroup, ...provisioningGroup, ...supportGroup, ...webhooksGroup];
