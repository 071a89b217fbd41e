import { ivrRouteHandlers } from '@/lib/compat/ivr/route';

// POST /api/click_connect – IVR Solutions' click-to-connect masking, answered from the compatibility mapping table
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = ivrRouteHandlers;
