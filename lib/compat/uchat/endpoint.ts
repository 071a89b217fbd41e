import type { AvailableEndpoint as Available, FaceEndpoint, RefusedEndpoint as Refused } from '../json-face/endpoint';

/** UChat's partner API endpoints, grouped as its reference lists them. */
export const uchatGroups = ['Clients and workspaces', 'Billing and plans', 'Members, flows and templates', 'Webhooks'] as const;
export type UChatGroup = (typeof uchatGroups)[number];

export type AvailableEndpoint = Available<UChatGroup>;
export type RefusedEndpoint = Refused<UChatGroup>;
export type UChatEndpoint = FaceEndpoint<UChatGroup>;

export { available, optionalDate, optionalInteger, optionalText, refused, requiredText, scopeOf, type AnswerDoc, type FieldDoc } from '../json-face/endpoint';
