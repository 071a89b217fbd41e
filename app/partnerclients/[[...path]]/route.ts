import { ivrRouteHandlers } from '@/lib/compat/ivr/route';

// /partnerclients/* – IVR Solutions' partner API paths, answered from the compatibility mapping table
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = ivrRouteHandlers;
