/** Where the IVR Solutions face answers, and where its migration guide is (on every host). */
export const ivrPrefix = '/partnerclients';
export const migrationGuidePath = '/docs/api/migrating-from-ivr-solutions';

/** Endpoints IVR Solutions serves outside /partnerclients, by their path there: answered at both. */
export const ivrOutsidePaths: Record<string, string> = { '/api/click_connect': 'click_connect' };
