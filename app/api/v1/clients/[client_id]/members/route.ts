import { inviteClientMemberOperation, listClientMembersOperation } from '@/lib/api/operations/client-members';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { inviteClientMember, listClientMembers } from '@/lib/client-members/manage-client-members';

// GET /api/v1/clients/:client_id/members – list; POST – invite a member
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listClientMembersOperation, async ({ ctx, params }) => ({ object: 'list', data: await listClientMembers(ctx, params.client_id), has_more: false })),
  POST: apiRoute(inviteClientMemberOperation, async ({ ctx, params, body }) => (await inviteClientMember(ctx, params.client_id, body)).member),
});
