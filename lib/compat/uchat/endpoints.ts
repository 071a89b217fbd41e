import type { UChatEndpoint } from './endpoint';
import { billingGroup } from './translators/billing';
import { membersGroup } from './translators/members';
import { webhooksGroup } from './translators/webhooks';
import { workspacesGroup } from './translators/workspaces';

/**
 * The one mapping table of UChat's partner API: its twenty-six endpoints (GET and DELETE on workspace/{id} are
 * two). The routes under /api/partner/ dispatch from it and the migration guide
 * (/docs/api/migrating-from-uchat) is rendered from it, so they cannot disagree.
 */
export const uchatEndpoints: UChatEndpoint[] = [...workspacesGroup, ...billingGroup, ...membersGroup, ...webhooksGroup];
