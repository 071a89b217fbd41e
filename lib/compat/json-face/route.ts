import type { ApiFace } from '@/lib/api/keyed-request';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { faceRouteHandlers, type RouteHandlers } from '../face-dispatch';
import { scopeOf, type FaceEndpoint } from './endpoint';
import { readJsonFaceInput } from './read-input';

/**
 * The route of a JSON compatibility face (UChat's, Flowmatix's): its mapping table dispatched under its prefix,
 * a refused endpoint answered with its code (after its check, so a foreign id is still a 404), and an available
 * one read as JSON, parsed and served by the domain function its REST operation calls, in the face's envelope.
 */
export type JsonFaceRoute<G extends string> = {
  endpoints: FaceEndpoint<G>[];
  prefix: string;
  /** How an unknown path names the face: "No <name> endpoint at …". */
  name: string;
  guidePath: string;
  /** The face's envelope; `toFaceName` turns the domain's field names back into the ones its clients send. */
  face(toFaceName: (field: string) => string): ApiFace;
  errorResponse(error: AppError): Response;
  success(data: unknown, meta?: Record<string, unknown>): unknown;
  /** The domain's field names in errors → the face's. */
  names: Record<string, string>;
  /** What the face asks of every request before anything else (a header its clients always send). */
  admit?(request: Request, ctx: ApiCtx): void;
};

export function jsonFaceRouteHandlers<G extends string>(route: JsonFaceRoute<G>): RouteHandlers {
  const face = route.face((field) => route.names[field] ?? field);
  return faceRouteHandlers({
    endpoints: route.endpoints,
    prefix: route.prefix,
    locate: (pathname) => (pathname.startsWith(route.prefix) ? pathname.slice(route.prefix.length) : null),
    name: route.name,
    guidePath: route.guidePath,
    errorResponse: route.errorResponse,
    face: () => face,
    scope: scopeOf,
    async prepare(ctx, endpoint, request, params) {
      route.admit?.(request, ctx);
      if (endpoint.status === 'refused') {
        await endpoint.check?.(ctx, params);
        throw new AppError(endpoint.code, endpoint.reason);
      }
      const { fields, bodyText } = await readJsonFaceInput(request, params);
      const input = endpoint.parse(fields);
      return {
        bodyText,
        run: async () => {
          const { status, data, meta } = await endpoint.serve(ctx, input);
          return { status, body: route.success(data, meta) };
        },
      };
    },
  });
}
