/**
 * Partner pages live under `app/t/[host]/…` and the proxy rewrites every partner host there. The prefix is
 * refused when asked for directly (see proxy.ts), so no host can be made to show another host's pages.
 */
export const tenantPathPrefix = '/t';
