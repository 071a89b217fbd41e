import { getSendingDomainOperation, removeSendingDomainOperation, setSendingDomainOperation } from '@/lib/api/operations/sending-domain';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { notFound } from '@/lib/errors/app-error';
import { getSendingDomain, removeSendingDomain, setSendingDomain } from '@/lib/sending-domains/manage-sending-domain';

// GET/PUT/DELETE /api/v1/sending_domain – the domain the partner's e-mail goes from
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getSendingDomainOperation, async ({ ctx }) => (await getSendingDomain(ctx)) ?? Promise.reject(notFound('Sending domain'))),
  PUT: apiRoute(setSendingDomainOperation, ({ ctx, body }) => setSendingDomain(ctx, body)),
  DELETE: apiRoute(removeSendingDomainOperation, async ({ ctx }) => {
    await removeSendingDomain(ctx);
    return { object: 'sending_domain', deleted: true };
  }),
});
