import { routeNotFoundHandlers } from '@/lib/api/unrouted';

// Any path under /api/v1 that no operation serves, /api/v1 itself included (hence the optional catch-all):
// a problem+json 404 instead of an HTML page.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeNotFoundHandlers;
