import { changeClientMemberRoleOperation, removeClientMemberOperation } from '@/lib/api/operations/client-members';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { changeClientMemberRole, removeClientMember } from '@/lib/client-members/manage-client-members';

// PATCH/DELETE /api/v1/clients/:client_id/members/:member_id – change a role, remove
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PATCH: apiRoute(changeClientMemberRoleOperation, ({ ctx, params, body }) => changeClientMemberRole(ctx, params.client_id, params.member_id, body)),
  DELETE: apiRoute(removeClientMemberOperation, ({ ctx, params }) => removeClientMember(ctx, params.client_id, params.member_id)),
});
