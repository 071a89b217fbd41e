import { flowmatixRouteHandlers } from '@/lib/compat/flowmatix/route';

// /compat/flowmatix/api/v1/partners/* – Flowmatix's partner API paths, answered from the compatibility mapping table
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = flowmatixRouteHandlers;
