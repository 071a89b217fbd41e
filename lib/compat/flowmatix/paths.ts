/** Where the Flowmatix face answers (on every partner host and the platform host), and where its migration guide is. */
export const flowmatixPrefix = '/compat/flowmatix/api/v1/partners';
export const flowmatixGuidePath = '/docs/api/migrating-from-flowmatix';
