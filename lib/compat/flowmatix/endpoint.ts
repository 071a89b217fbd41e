import type { AvailableEndpoint as Available, FaceEndpoint, RefusedEndpoint as Refused } from '../json-face/endpoint';

/** Flowmatix's partner API groups, in the order of its reference; the last is Switchboard's addition. */
export const flowmatixGroups = ['Customer Management', 'Billing and Commissions', 'Usage Analytics', 'White-Label', 'Provisioning', 'Support and Ticketing', 'Webhook Events'] as const;
export type FlowmatixGroup = (typeof flowmatixGroups)[number];

export type AvailableEndpoint = Available<FlowmatixGroup>;
export type RefusedEndpoint = Refused<FlowmatixGroup>;
export type FlowmatixEndpoint = FaceEndpoint<FlowmatixGroup>;

export { available, optionalDate, optionalInteger, optionalText, refused, requiredText, scopeOf, type AnswerDoc, type FieldDoc } from '../json-face/endpoint';
