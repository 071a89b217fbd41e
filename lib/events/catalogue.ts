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
  'wallet.credited':
    'Money arrived in a wallet: `data.wallet` is `partner_prepaid` (the operator credited your prepaid balance, `data.reference` holds the payment’s reference) or `client_wallet` (you added credits to `data.client_id`). `data.amount` and `data.balance` are in paise.',
  'wallet.low_balance': 'A client’s wallet fell below its low-balance threshold (`data.threshold`, paise). Sent once per crossing: again only after it has been topped up above the threshold and falls below once more.',
  'partner.balance_low': 'Your prepaid balance fell below its low-balance threshold (`data.threshold`, paise); charges to your clients stop when it cannot cover their wholesale price. Sent once per crossing.',
  'client.validity_extended': 'A client’s validity (`data.valid_till`) was set or extended; if it had expired, its services resume (`data.resumed` is true).',
  'client.expired': 'A client’s validity (`data.valid_till`) passed: its services are suspended until it is extended.',
  'commission.earned': 'A charge to a client was made: `data.retail` was taken from the client’s wallet, `data.wholesale` from your prepaid balance, and `data.commission` (their difference, paise) is yours. `data.charge_id` names the charge, `data.product` and `data.object_id` what it paid for.',
  'charge.refunded': 'A charge was refunded exactly: the client’s wallet got `data.retail` back, your prepaid balance `data.wholesale`, and the commission on it (`data.commission`) was reversed.',
  'masking_session.created': 'A masking session was created: `data.id`, `data.client_id`, `data.virtual_number` (the pool number both parties call), `data.expires_at`. The parties’ numbers are given masked.',
  'masking_session.ended': 'A masking session closed: `data.status` is `expired` or `ended` (cancelled), with its `total_call_count` and `total_amount` (paise). Its pool number is free again for these parties.',
  'call.completed': 'A call leg ended and was billed: `data.id` (the call record), `data.session_id` when it belonged to a masking session, `data.duration_seconds`, `data.billed_minutes`, `data.amount` (paise, taken from the client’s wallet) and `data.charge_status` (`charged`, `none` for an unanswered leg, `failed` when the wallet could not pay).',
  'webhook_endpoint.test': 'A test event sent from the console or the API to check an endpoint.',
  'webhook_endpoint.disabled':
    'We disabled one of your webhook endpoints: it answered 410 Gone, or failed for 5 days without a success. `data.webhook_endpoint` holds its `id`, `url` (its origin only, `…` standing for a path or query, which may hold a token), `description`, `event_types`, `status`, `disabled_reason` and `failing_since`, never its secret; `data.reason` is `gone` or `failing`. Delivered to your other endpoints, not to the disabled one.',
  'email_template.updated': 'One of your e-mail templates changed: `data.message_type` names it, `data.customized` is false when it was reset to the default, and `data.subject`, `data.heading`, `data.body` and `data.button_label` are its texts now.',
  'client_member.invited': 'Someone was invited to a client’s account (`data.client_id`), by its owner in the portal, by you, or through the API; `data.member` holds their `id`, `email`, `name` and `role`.',
  'client_member.role_changed': 'A client member’s role changed (`data.member.role`, was `data.previous_role`); their open sessions ended.',
  'client_member.removed': 'A member was removed from a client’s account (or an invitation withdrawn); their open sessions ended at once.',
  'sending_domain.status_changed': 'Your sending domain (`data.domain`) became `verified` (mail now goes from it, DKIM-signed) or went back to `pending` (a required record disappeared; mail goes from the platform’s address in your name until it is back). `data.records` holds each record’s status.',
} as const;

export type EventType = keyof typeof eventCatalogue;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];
