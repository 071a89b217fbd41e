import { uchatRouteHandlers } from '@/lib/compat/uchat/route';

// /api/partner/* – UChat's partner API paths, answered from the compatibility mapping table
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = uchatRouteHandlers;
