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
  'invoice.generated': 'A monthly document was numbered: `data.kind` is `invoice` (your tax invoice to client `data.client_id`, or ours to you when `data.issuer` is `operator`) or `credit_note` (for the month’s refunds, `data.refers_to` naming the invoices it corrects). `data.number`, `data.period` (YYYY-MM, India time), `data.taxable`, `data.tax` and `data.total` (paise). Its PDF follows within moments.',
  'charge.refunded': 'A charge was refunded exactly: the client’s wallet got `data.retail` back, your prepaid balance `data.wholesale`, and the commission on it (`data.commission`) was reversed.',
  'masking_session.created': 'A masking session was created: `data.id`, `data.client_id`, `data.virtual_number` (the pool number both parties call), `data.expires_at`. The parties’ numbers are given masked.',
  'masking_session.ended': 'A masking session closed: `data.status` is `expired` or `ended` (cancelled), with its `total_call_count` and `total_amount` (paise). Its pool number is free again for these parties.',
  'masking_pool.auto_bought': 'A client’s masking pool was exhausted and its auto-buy setting bought what it needed: `data.client_id`, `data.numbers` (each `id`, `number`, `status` (`active`, or `provisioning` while a slow carrier completes it), `setup` and `monthly` in paise, charged to the client’s wallet like any purchase, each also sent as `number.purchased`), `data.pool_size` (now) and `data.numbers_needed`.',
  'call.completed': 'A call leg ended and was billed: `data.id` (the call record), `data.session_id` when it belonged to a masking session, `data.duration_seconds`, `data.billed_minutes`, `data.amount` (paise, taken from the client’s wallet) and `data.charge_status` (`charged`, `none` for an unanswered leg, `failed` when the wallet could not pay).',
  'workspace.created': 'A workspace was created for a client (`data.client_id`) on a plan (`data.plan_id`), billed `data.billing_period` in IST periods; `data.charged_retail` (paise) is what the client paid for the rest of its first period. `data.client_email` and `data.client_name` name the client, `data.plan_code` the plan by code.',
  'workspace.plan_changed': 'A workspace changed plan (`data.from_plan_id` → `data.to_plan_id`): `data.direction` is `upgrade` (at once, `data.charge` holds the prorated charge and the credit for the old plan) or `downgrade`; `data.cause` is `partner`, `period_end` (a downgrade waiting for the period’s end) or `not_renewed` (auto-renew was off: it fell to the free plan). `data.client_email` and `data.client_name` name the client, `data.plan_code` the plan it is on now by code.',
  'client.upgraded': 'A client’s workspace moved to a larger plan (`data.workspace_id`, `data.from_plan` → `data.to_plan` by code); `data.amount` (paise) is the prorated charge. Sent with `workspace.plan_changed`.',
  'workspace.renewed': 'A workspace was renewed for its next IST period (`data.period`, `data.period_start` → `data.period_end`): `data.retail` was charged to the client’s wallet and `data.wholesale` to your prepaid balance (`data.charge_id`). `data.client_email` and `data.client_name` name the client, `data.plan_code` the plan by code.',
  'workspace.renewal_failed': 'A workspace’s renewal for `data.period` could not be paid (`data.code`: `client_insufficient_funds` or `partner_insufficient_funds`, with `data.reason`); it is paused (`renewal_unpaid`) and retried, resuming by itself once paid. `data.client_email` and `data.client_name` name the client, `data.plan_code` the plan by code.',
  'workspace.paused': 'A workspace was paused: `data.pause_code` is `manual` (by you, `data.pause_reason` says why), `limit_exceeded` (its usage went over its plan’s limits) or `renewal_unpaid`; `data.automatic` is true for the last two, which resume by themselves when their cause is gone.',
  'workspace.resumed': 'A paused workspace works again: `data.cause` is `partner`, `within_limits`, `renewal_paid` or `dropped_to_free`; `data.previous_pause_code` says why it had been paused.',
  'workspace.cancelled': 'A workspace was cancelled: it stops and is never renewed; `data.points_returned` unused points went back to your points pool. `data.client_email` and `data.client_name` name the client, `data.plan_code` the plan by code.',
  'client.cancelled': 'A client’s last open workspace was cancelled (`data.workspace_id`, `data.reason`).',
  'webhook_endpoint.test': 'A test event sent from the console or the API to check an endpoint.',
  'webhook_endpoint.disabled':
    'We disabled one of your webhook endpoints: it answered 410 Gone, or failed for 5 days without a success. `data.webhook_endpoint` holds its `id`, `url` (its origin only, `…` standing for a path or query, which may hold a token), `description`, `event_types`, `status`, `disabled_reason` and `failing_since`, never its secret; `data.reason` is `gone` or `failing`. Delivered to your other endpoints, not to the disabled one.',
  'agent.created': 'An agent was added to a client: `data.agent_id`, `data.client_id`, `data.name`, `data.extension`, `data.permission_group`.',
  'agent.updated': 'An agent’s details changed; `data.changed` names the fields (a new password appears as `password`, never its value).',
  'agent.deactivated': 'An agent was deactivated: it went offline, takes no calls, and keeps its extension and history.',
  'agent.status_changed':
    'An agent’s availability changed (`data.from` → `data.to`: offline, available, ringing, on_call, wrap_up, break); `data.cause` is `manual` or the call step that moved it. High-volume: several per call per agent, so it is not part of “all events” — subscribe to it by name.',
  'email_template.updated': 'One of your e-mail templates changed: `data.message_type` names it, `data.customized` is false when it was reset to the default, and `data.subject`, `data.heading`, `data.body` and `data.button_label` are its texts now.',
  'client_member.invited': 'Someone was invited to a client’s account (`data.client_id`), by its owner in the portal, by you, or through the API; `data.member` holds their `id`, `email`, `name` and `role`.',
  'client_member.role_changed': 'A client member’s role changed (`data.member.role`, was `data.previous_role`); their open sessions ended.',
  'client_member.removed': 'A member was removed from a client’s account (or an invitation withdrawn); their open sessions ended at once.',
  'sending_domain.status_changed': 'Your sending domain (`data.domain`) became `verified` (mail now goes from it, DKIM-signed) or went back to `pending` (a required record disappeared; mail goes from the platform’s address in your name until it is back). `data.records` holds each record’s status.',
  'channel.created': 'A WhatsApp channel was created for a client (`data.client_id`), in trial (`data.trial_days`, `data.active_till`).',
  'channel.connected': 'A phone connected to a WhatsApp channel (`data.phone`).',
  'channel.disconnected': 'A WhatsApp channel lost its phone: `data.connection` is `logged_out` (the phone removed the linked device) or `failed`, with `data.reason`.',
  'channel.mode_changed': 'A WhatsApp channel changed mode (`data.from` → `data.mode`): from trial to live when its first days were allocated.',
  'channel.extended': 'Days were allocated to a WhatsApp channel from your day balance: `data.days`, `data.comment`, the new `data.active_till`; `data.restarted` is true when it had stopped.',
  'channel.days_reclaimed': 'Unused days of a WhatsApp channel went back to your day balance (`data.days`, `data.comment`); the channel keeps running until `data.active_till`.',
  'channel.expiring': 'A WhatsApp channel stops in `data.days_left` days (sent 3 days and 1 day before `data.active_till`).',
  'channel.stopped': 'A WhatsApp channel reached its `data.active_till` and was stopped (`data.mode` says whether its trial or its days ran out); allocating days restarts it.',
  'channel.deleted': 'A WhatsApp channel was deleted; `data.days_returned` unused days went back to your day balance.',
  'partner.days_low': 'Your day balance fell below its threshold (`data.threshold`, days; `data.balance` is what is left). Sent once per crossing.',
  'whatsapp_number.linked': 'A WhatsApp Business number was linked to a client (`data.whatsapp_number`, never its token) after Meta verified the number and its token; linking it again with a new token sends this again.',
  'whatsapp_number.health_changed': 'A linked WhatsApp number’s health changed at a check: `data.changes` lists each field (`status`, `quality_rating`, `can_send_message`, `name_status`, `messaging_limit_tier`) with `from` and `to`; `data.whatsapp_number` is the number now.',
  'whatsapp_number.token_expiring': 'A linked WhatsApp number’s access token expires within 7 days (`data.expired` false) or has expired (`data.expired` true, the number’s status is `token_expired`); `data.expires_at` says when. Link the number again with a new token.',
  'whatsapp_number.unlinked': 'A WhatsApp number was unlinked from its client; its token was erased.',
  'whatsapp_number.fee_unpaid': 'A linked WhatsApp number’s monthly fee could not be charged (`data.period`, IST; `data.reason` says why); it keeps working until `data.grace_ends_at`, then it is suspended. Tried again daily.',
  'whatsapp_number.suspended': 'A WhatsApp number was suspended: its monthly fee stayed unpaid past the grace period. It takes no messages; it is unlinked on `data.unlink_at` unless paid.',
  'whatsapp_number.resumed': 'A suspended WhatsApp number’s fee was paid (`data.period`): it works again.',
  'api_key.expiring': 'One of your API keys (`data.api_key`: its `id`, `name`, `mode` and `prefix`, never the key) expires on `data.expires_at`, in `data.days_left` days; calls with it fail after that. Sent once per key.',
  'client.validity_expiring': 'A client’s validity ends soon (`data.valid_till`, `data.days_left`); its services pause then unless it is extended. Sent once per end date.',
  'ticket.created': 'A support ticket was opened: by one of your clients’ members with you (`data.level` is `client`), or by you with us (`partner`). `data` holds `ticket_id`, `client_id`, `subject`, `priority`, `category` and `status`.',
  'ticket.replied': 'A reply was added to a ticket: `data.side` says whether the requester or the handling team wrote it, `data.internal` whether it is an internal note (raised for your own notes on your clients’ tickets; our notes on your tickets raise nothing). The text is not in the event: read the ticket.',
  'ticket.status_changed': 'A ticket moved from `data.from` to `data.to` (new, open, pending, on_hold, solved, closed); a solved ticket closes itself after some days.',
  'ticket.sla_breached': 'A ticket missed a service-level target: `data.metric` is `first_response` or `resolution`, `data.target_seconds` the target for its `priority` (working time, pauses while pending on the requester excluded). Raised once per ticket and target.',
  'number.held': 'A number was held for ten minutes (`data.expires_at`) between search and purchase; no other partner can buy it meanwhile.',
  'number.purchased': 'A client got a number: it was provisioned with the carrier and the setup and first month (`data.setup`, `data.monthly`, paise) were charged to its wallet.',
  'number.renewal_failed': 'A number’s monthly rental could not be charged (`data.period`, IST); it keeps working until `data.grace_ends_at`, then it is suspended.',
  'number.suspended': 'A number was suspended: its rental stayed unpaid past the grace period. Calls to it stop; it is released on `data.release_at` unless paid.',
  'flow.mapped': 'A number now runs a call flow: `data.number` (E.164), `data.number_id`, `data.flow_id`, `data.client_id`, and `data.previous_flow_id` (null when the number ran none). Calls arriving from now on take the new flow.',
  'flow.call_completed': 'A call that ran a flow ended: `data.id` (the flow call), `data.flow_id`, `data.number`, `data.from` (masked), `data.outcome` (`agent`, `bot`, `transfer`, `closed`, `holiday`, `abandoned`, `unreachable`), `data.path` (its steps in order) and `data.leg_ids`; each leg also sends its own `call.completed` with what it cost.',
  'number.released': 'A number left its client (`data.reason`: `client` or `unpaid`) and is in quarantine until `data.reusable_after`; the same client may recall it until then.',
  'template.published': 'A provisioning template got a new version (`data.version`, with `data.note` and the number of `data.items`), or the platform published it to every partner. Installs and upgrades take the latest version from now on.',
  'template.installed': 'A provisioning template (`data.template_id`, `data.version`) was installed into a client (`data.client_id`): `data.install_id` names the install record, `data.applied`, `data.kept` and `data.skipped` count its items.',
  'template.upgraded': 'A client (`data.client_id`) was upgraded from version `data.from_version` to `data.version` of a provisioning template (`data.template_id`); counts as for `template.installed`.',
  'sandbox.reset': 'Your sandbox was reset to a clean state and filled with sample data: `data.clients`, `data.numbers`, `data.agents`, `data.channels`, `data.calls` and `data.charges` count what it now holds. Sent to the sandbox (test mode) only.',
  'sandbox.test_clock_advanced': 'Your sandbox’s test clock moved from `data.from` to `data.to`, and what the worker would have done meanwhile was done in the sandbox: `data.renewals` workspaces renewed (`data.failed_renewals` could not be paid, `data.dropped_to_free` fell to the free plan), `data.expired_clients` clients’ validity ended, and `data.invoices` invoices and credit notes were made for the months in `data.invoiced_months` (each also sends `invoice.generated`). Sent to the sandbox (test mode) only.',
} as const;

/**
 * Event types too frequent to send to an endpoint that asked for all events (`*`): an endpoint receives them
 * only when it names them. The event picker shows them unticked.
 */
export const highVolumeEventTypes: ReadonlySet<string> = new Set(['agent.status_changed']);

export type EventType = keyof typeof eventCatalogue;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];
