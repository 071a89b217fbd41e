import { AppError } from '@/lib/errors/app-error';
import { faceRouteHandlers } from '../face-dispatch';
import { scopeOf, type IvrEndpoint } from './endpoint';
import { ivrErrorResponse, ivrFace, ivrSuccess } from './envelope';
import { ivrEndpoints } from './endpoints';
import { ivrOutsidePaths, ivrPrefix, migrationGuidePath } from './paths';
import { readIvrInput } from './read-input';

/**
 * The IVR Solutions face: `/partnerclients/<endpoint>` on every host, dispatched from the mapping table. Each
 * request goes through the same pipeline as /api/v1 (host, key, rate limit, scope, Idempotency-Key, request log)
 * with IVR Solutions' envelope for answers and errors; each available endpoint calls the domain function its
 * REST operation calls.
 */

/** Field names the domain reports (Switchboard's), back to the ones the client sent (IVR Solutions'). */
function ivrNames(endpoint: IvrEndpoint): (field: string) => string {
  if (endpoint.status !== 'available') return (field) => field;
  const names = new Map(Object.entries(endpoint.fields).map(([name, field]) => [field.to, name]));
  return (field) => names.get(field) ?? field;
}

export const ivrRouteHandlers = faceRouteHandlers({
  endpoints: ivrEndpoints,
  prefix: ivrPrefix,
  // Click-to-connect answers at IVR Solutions' own path as well; every other path is under /partnerclients.
  locate: (pathname) => ivrOutsidePaths[pathname.replace(/\/+$/, '')] ?? pathname.slice(ivrPrefix.length),
  name: 'IVR Solutions',
  guidePath: migrationGuidePath,
  errorResponse: ivrErrorResponse,
  face: (endpoint) => ivrFace(ivrNames(endpoint)),
  scope: scopeOf,
  async prepare(ctx, endpoint, request, params, label) {
    if (endpoint.status === 'coming') {
      throw new AppError('not_implemented', `${label} (${endpoint.summary}) is not available yet; ${migrationGuidePath} lists what is.`);
    }
    const { fields, bodyText } = await readIvrInput(request, params);
    const input = endpoint.parse(fields);
    return {
      bodyText,
      run: async () => {
        const { message, data } = await endpoint.serve(ctx, input);
        return { status: 200, body: ivrSuccess(message, data) };
      },
    };
  },
});
