/** Where the IVR Solutions face answers, and where its migration guide is (on every host). */
export const ivrPrefix = '/partnerclients';
export const migrationGuidePath = '/docs/api/migrating-from-ivr-solutions';
