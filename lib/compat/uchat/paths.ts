/** Where the UChat face answers (on every partner host and the platform host), and where its migration guide is. */
export const uchatPrefix = '/api/partner';
export const uchatGuidePath = '/docs/api/migrating-from-uchat';
