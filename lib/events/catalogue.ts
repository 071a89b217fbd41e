/**
 * Every event type a partner can receive, with what it means. Webhook endpoints subscribe to these names;
 * the documentation lists this catalogue. Later capabilities add theirs here.
 */
export const eventCatalogue = {
  'registration.created': 'A client started onboarding; one-time codes were sent to its e-mail and mobile.',
  'registration.otp_verified': 'Both the e-mail and the mobile number of a registration are verified; KYC can start.',
  'client.kyc_submitted': 'A registration completed every KYC step (PAN, Aadhaar, GST or its skip); only the signed acceptance is left.',
  'client.created': 'A client was created (after onboarding and KYC, or in a sandbox).',
  'client.activated': 'A client was activated; its services work.',
  'client.deactivated': 'A client was deactivated; its services stop.',
  'webhook_endpoint.test': 'A test event sent from the console or the API to check an endpoint.',
  'webhook_endpoint.disabled':
    'We disabled one of your webhook endpoints: it answered 410 Gone, or failed for 5 days without a success. `data.webhook_endpoint` holds its `id`, `url` (its origin only, `…` standing for a path or query, which may hold a token), `description`, `event_types`, `status`, `disabled_reason` and `failing_since`, never its secret; `data.reason` is `gone` or `failing`. Delivered to your other endpoints, not to the disabled one.',
} as const;

export type EventType = keyof typeof eventCatalogue;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];
