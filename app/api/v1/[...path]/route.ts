import { AppError } from '@/lib/errors/app-error';
import { newId } from '@/lib/ids';
import { problemResponse } from '@/lib/api/problem';
import { requestOrigin } from '@/lib/http/request-info';

// Any path under /api/v1 that no operation serves: a problem+json 404 instead of an HTML page.
function routeNotFound(request: Request) {
  const error = new AppError('route_not_found', `No operation at ${request.method} ${new URL(request.url).pathname}; see /docs/api.`);
  return Promise.resolve(problemResponse(error, requestOrigin(request), newId('apiRequest')));
}

export { routeNotFound as GET, routeNotFound as POST, routeNotFound as PUT, routeNotFound as PATCH, routeNotFound as DELETE };
