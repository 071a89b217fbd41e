import { defineMessageType } from './define-message-type';

const recipientName = { description: 'The recipient’s name.', sample: 'Priya Sharma' };
const linkUrl = (what: string) => ({ description: `The address of ${what} (the button’s target).`, sample: 'https://portal.acme.example/…' });

/**
 * Every e-mail Switchboard sends for a partner. A new message type is one entry here: its defaults, its variables
 * and who gets it; the editor, the REST API, previews and test sends all read this list.
 */
export const messageTypes = {
  otp: defineMessageType({
    key: 'otp',
    label: 'Verification code',
    description: 'Sent to someone registering as your client, with the one-time code that confirms their e-mail address.',
    variables: {
      'recipient.name': recipientName,
      'otp.code': { description: 'The one-time code.', sample: '482913' },
      'otp.expires_in_minutes': { description: 'Minutes the code stays valid.', sample: '10' },
    },
    callout: 'otp.code',
    defaults: {
      subject: 'Your {{partner.product_name}} verification code',
      heading: 'Confirm your e-mail address',
      body: 'Hello {{recipient.name}},\n\nEnter this code to confirm your e-mail address:',
      buttonLabel: null,
    },
  }),
  team_invitation: defineMessageType({
    key: 'team_invitation',
    label: 'Team invitation',
    description: 'Sent to someone added to your team by invitation: the link where they choose their password.',
    variables: {
      'recipient.name': recipientName,
      'link.url': linkUrl('the invitation'),
      'link.expires_in_days': { description: 'Days the link stays valid.', sample: '7' },
    },
    defaults: {
      subject: 'You are invited to {{partner.product_name}}',
      heading: 'Join {{partner.product_name}}',
      body: 'Hello {{recipient.name}},\n\nYou have been added to the {{partner.product_name}} team. Choose your password to sign in.\n\nThe link works once and expires in {{link.expires_in_days}} days. If you did not expect it, ignore this e-mail.',
      buttonLabel: 'Accept the invitation',
    },
  }),
  client_member_invitation: defineMessageType({
    key: 'client_member_invitation',
    label: 'Client member invitation',
    description: 'Sent to someone invited to a client’s account (by the client’s owner or by you): the link where they choose their password.',
    variables: {
      'recipient.name': recipientName,
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'inviter.name': { description: 'Who sent the invitation.', sample: 'Rahul Verma' },
      'link.url': linkUrl('the invitation'),
      'link.expires_in_days': { description: 'Days the link stays valid.', sample: '7' },
    },
    defaults: {
      subject: 'Join {{client.name}} on {{partner.product_name}}',
      heading: 'Join {{client.name}}',
      body: 'Hello {{recipient.name}},\n\n{{inviter.name}} invited you to the {{client.name}} account on {{partner.product_name}}. Choose your password to sign in.\n\nThe link works once and expires in {{link.expires_in_days}} days. If you did not expect it, ignore this e-mail.',
      buttonLabel: 'Accept the invitation',
    },
  }),
  onboarding_link: defineMessageType({
    key: 'onboarding_link',
    label: 'Onboarding link',
    description: 'Sent to a prospect with a hosted onboarding link, where they register and complete KYC themselves.',
    variables: {
      'recipient.name': { description: 'The prospect’s name, when the link was prefilled with one (else empty).', sample: 'Priya Sharma' },
      'link.url': linkUrl('the onboarding link'),
      'link.expires_on': { description: 'The last day the link works (YYYY-MM-DD).', sample: '2026-12-31' },
    },
    defaults: {
      subject: 'Open your {{partner.product_name}} account',
      heading: 'Open your {{partner.product_name}} account',
      body: 'Hello {{recipient.name}},\n\nOpen your account and complete the business verification (KYC) online, in a few minutes.\n\nThe link is for you alone and works until {{link.expires_on}}.',
      buttonLabel: 'Open my account',
    },
  }),
  password_reset: defineMessageType({
    key: 'password_reset',
    label: 'Password reset',
    description: 'Sent when someone on your hosts asks to reset a forgotten password (your team and your clients’ members).',
    variables: {
      'recipient.name': recipientName,
      'link.url': linkUrl('the reset page'),
      'link.expires_in_minutes': { description: 'Minutes the link stays valid.', sample: '30' },
    },
    defaults: {
      subject: 'Reset your {{partner.product_name}} password',
      heading: 'Reset your password',
      body: 'Hello {{recipient.name}},\n\nSomeone asked to reset the password of your {{partner.product_name}} account. To choose a new one, open this link.\n\nThe link works once and expires in {{link.expires_in_minutes}} minutes. Choosing a new password signs you out everywhere. If you did not ask for this, ignore this e-mail: your password stays as it is.',
      buttonLabel: 'Choose a new password',
    },
  }),
  wallet_low_balance: defineMessageType({
    key: 'wallet_low_balance',
    label: 'Client wallet low',
    description: 'Sent to a client, once per crossing, when its wallet falls below the low-balance threshold.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'balance.available': { description: 'What is left to spend, formatted.', sample: '₹480.00' },
      'balance.threshold': { description: 'The alert’s threshold, formatted.', sample: '₹500.00' },
    },
    defaults: {
      subject: 'Your {{partner.product_name}} wallet is running low',
      heading: 'Your {{partner.product_name}} wallet is running low',
      body: 'Hello {{client.name}},\n\nYour wallet has {{balance.available}} left to spend, below the {{balance.threshold}} you asked to be told about. Services stop when it runs out.\n\nContact {{partner.support_email}} to add credits.',
      buttonLabel: null,
    },
  }),
  prepaid_low_balance: defineMessageType({
    key: 'prepaid_low_balance',
    label: 'Prepaid balance low',
    description: 'Sent to your owners and admins, once per crossing, when your prepaid balance falls below its threshold.',
    variables: {
      'balance.available': { description: 'What is left to spend, formatted.', sample: '₹4,800.00' },
      'balance.threshold': { description: 'The alert’s threshold, formatted.', sample: '₹5,000.00' },
      'link.url': linkUrl('your Billing page'),
    },
    defaults: {
      subject: 'Your prepaid balance is running low',
      heading: 'Your prepaid balance is running low',
      body: 'Your prepaid balance has {{balance.available}} left to spend, below the {{balance.threshold}} you asked to be told about. Charges to your clients are refused when it runs out.',
      buttonLabel: 'Add funds',
    },
  }),
  validity_expired: defineMessageType({
    key: 'validity_expired',
    label: 'Validity expired',
    description: 'Sent to a client when its validity ends and its services are paused.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'validity.valid_till': { description: 'When the validity ended (India time).', sample: '30 November 2026 at 11:59 pm' },
    },
    defaults: {
      subject: 'Your {{partner.product_name}} services are paused',
      heading: 'Your services are paused',
      body: 'Hello {{client.name}},\n\nYour account’s validity ended on {{validity.valid_till}} (India time), so its services are paused. Nothing is lost: they resume as soon as your validity is extended.\n\nContact {{partner.support_email}} to extend it.',
      buttonLabel: null,
    },
  }),
  validity_expiring: defineMessageType({
    key: 'validity_expiring',
    label: 'Validity expiring',
    description: 'Sent to a client a few days before its validity ends (once for each end date), so it can be extended before services pause.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'validity.valid_till': { description: 'When the validity ends (India time).', sample: '30 November 2026 at 11:59 pm' },
      'validity.days_left': { description: 'Whole days left until then (0 on the last day).', sample: '3' },
    },
    defaults: {
      subject: 'Your {{partner.product_name}} validity ends in {{validity.days_left}} days',
      heading: 'Your validity ends soon',
      body: 'Hello {{client.name}},\n\nYour account’s validity ends on {{validity.valid_till}} (India time). After that its services pause until the validity is extended.\n\nContact {{partner.support_email}} to extend it.',
      buttonLabel: null,
    },
  }),
  api_key_expiring: defineMessageType({
    key: 'api_key_expiring',
    label: 'API key expiring',
    description: 'Sent to your owners and admins once, seven days before one of your API keys expires, so a new one can replace it before calls fail.',
    variables: {
      'key.name': { description: 'The key’s name.', sample: 'CRM sync' },
      'key.prefix': { description: 'The key’s first and last characters, to tell it apart (never the key).', sample: 'sk_live_AbCd…wxYz' },
      'key.mode': { description: '“live”, or “test mode” for a test key.', sample: 'live' },
      'key.expires_at': { description: 'When it expires (UTC).', sample: '2026-12-09 10:00 UTC' },
      'key.days_left': { description: 'Whole days left until then.', sample: '7' },
      'link.url': linkUrl('the Developers page of your console'),
    },
    defaults: {
      subject: 'API key {{key.name}} expires in {{key.days_left}} days',
      heading: 'An API key expires soon',
      body: 'The {{key.mode}} API key {{key.name}} ({{key.prefix}}) expires on {{key.expires_at}}. Calls made with it are refused after that.\n\nCreate a new key, put it in place of this one, then revoke this one.',
      buttonLabel: 'Open API keys',
    },
  }),
  webhook_endpoint_disabled: defineMessageType({
    key: 'webhook_endpoint_disabled',
    label: 'Webhook endpoint disabled',
    description: 'Sent to your owners and admins when deliveries to one of your webhook endpoints were stopped.',
    variables: {
      'endpoint.url': { description: 'The endpoint’s origin (its path and query may hold a token, so they are left out).', sample: 'https://hooks.acme.example/…' },
      'endpoint.id': { description: 'The endpoint’s id.', sample: 'we_01kaz3d4mqf2v8n6w0c1e5rj7t' },
      'endpoint.description': { description: 'The endpoint’s description (empty when none).', sample: 'CRM sync' },
      'endpoint.kind': { description: '“Webhook”, or “Test-mode webhook” for an endpoint of your sandbox.', sample: 'Webhook' },
      'endpoint.mode': { description: '“live”, or for a sandbox’s endpoint “test mode” and where to find it.', sample: 'live' },
      'disable.reason': { description: 'Why deliveries stopped.', sample: 'It failed for 5 days without a success.' },
      'link.url': linkUrl('the endpoint’s page in your console'),
    },
    defaults: {
      subject: '{{endpoint.kind}} endpoint disabled: {{endpoint.url}}',
      heading: 'A webhook endpoint was disabled',
      body: 'We stopped sending events to {{endpoint.url}} ({{endpoint.mode}}), endpoint {{endpoint.id}} {{endpoint.description}}.\n\n{{disable.reason}}\n\nEvents that happen while it is disabled are not delivered to it; the events API keeps them for 30 days. Once the endpoint answers again, enable it on its page in the console, or set its status to enabled through the API.',
      buttonLabel: 'Open the endpoint',
    },
  }),
  days_low: defineMessageType({
    key: 'days_low',
    label: 'Day balance low',
    description: 'Sent to your owners and admins, once per crossing, when your day balance falls below its threshold.',
    variables: {
      'days.available': { description: 'Days left to allocate.', sample: '24' },
      'days.threshold': { description: 'The alert’s threshold, in days.', sample: '30' },
      'link.url': linkUrl('your Channels page'),
    },
    defaults: {
      subject: 'Your day balance is running low',
      heading: 'Your day balance is running low',
      body: 'Your day balance has {{days.available}} days left, below the {{days.threshold}} days you asked to be told about. Buy days to keep extending your WhatsApp channels.',
      buttonLabel: 'Open channels',
    },
  }),
  channel_expiring: defineMessageType({
    key: 'channel_expiring',
    label: 'WhatsApp channel running out',
    description: 'Sent to your owners and admins 3 days and 1 day before a WhatsApp channel’s days (or trial) run out.',
    variables: {
      'channel.name': { description: 'The channel’s name.', sample: 'Support line' },
      'channel.days_left': { description: 'Days until it stops.', sample: '3' },
      'link.url': linkUrl('the channel’s page in your console'),
    },
    defaults: {
      subject: '{{channel.name}} stops in {{channel.days_left}} days',
      heading: '{{channel.name}} stops in {{channel.days_left}} days',
      body: 'The WhatsApp channel {{channel.name}} runs out of days in {{channel.days_left}} days. Allocate days to keep it running.',
      buttonLabel: 'Open the channel',
    },
  }),
  channel_stopped: defineMessageType({
    key: 'channel_stopped',
    label: 'WhatsApp channel stopped',
    description: 'Sent to your owners and admins when a WhatsApp channel reached the end of its days (or trial) and was stopped.',
    variables: {
      'channel.name': { description: 'The channel’s name.', sample: 'Support line' },
      'link.url': linkUrl('the channel’s page in your console'),
    },
    defaults: {
      subject: '{{channel.name}} has stopped',
      heading: '{{channel.name}} has stopped',
      body: 'The WhatsApp channel {{channel.name}} reached the end of its days and was stopped. Allocating days restarts it.',
      buttonLabel: 'Open the channel',
    },
  }),
  channel_connect_link: defineMessageType({
    key: 'channel_connect_link',
    label: 'WhatsApp connect link',
    description: 'Sent to a client when you send it the link of a WhatsApp channel’s connect page, where it scans the QR code or types a pairing code on its phone.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'channel.name': { description: 'The channel’s name.', sample: 'Support line' },
      'link.url': linkUrl('the connect page'),
      'link.expires_in_hours': { description: 'Hours the link stays valid.', sample: '72' },
    },
    defaults: {
      subject: 'Connect your WhatsApp to {{partner.product_name}}',
      heading: 'Connect your WhatsApp',
      body: 'Hello {{client.name}},\n\nYour WhatsApp channel {{channel.name}} is ready. Open the link on a computer, then on your phone go to WhatsApp → Linked devices and scan the code shown (or link with your phone number instead).\n\nThe link is for you alone and works for {{link.expires_in_hours}} hours.',
      buttonLabel: 'Connect my WhatsApp',
    },
  }),
  whatsapp_fee_unpaid: defineMessageType({
    key: 'whatsapp_fee_unpaid',
    label: 'WhatsApp number fee unpaid',
    description: 'Sent to a client when the monthly fee of its WhatsApp number could not be charged: the number keeps working until the grace period ends, then it is suspended.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'number.display': { description: 'The number as Meta displays it.', sample: '+91 11 4310 4501' },
      'fee.amount': { description: 'The monthly fee, formatted.', sample: '₹499.00' },
      'fee.suspend_on': { description: 'When the number is suspended unless paid (India time).', sample: '9 Dec 2026' },
    },
    defaults: {
      subject: 'The monthly fee of WhatsApp number {{number.display}} is unpaid',
      heading: 'Your WhatsApp number’s fee is unpaid',
      body: 'Hello {{client.name}},\n\nThe monthly fee of the WhatsApp number {{number.display}} ({{fee.amount}}) could not be charged: your wallet has too little in it. The number keeps working until {{fee.suspend_on}}; after that it is suspended, and later unlinked.\n\nContact {{partner.support_email}} to add credits; the fee is charged again automatically.',
      buttonLabel: null,
    },
  }),
  sending_domain_unverified: defineMessageType({
    key: 'sending_domain_unverified',
    label: 'Sending domain unverified',
    description: 'Sent to your owners and admins when a periodic check finds a required DNS record of your sending domain missing or changed: mail goes from the platform’s address in your name until it is back.',
    variables: {
      'domain.name': { description: 'The sending domain.', sample: 'mail.acme.example' },
      'domain.problems': { description: 'Which records failed, and how.', sample: 'DKIM: missing.' },
      'link.url': linkUrl('the Emails page of your console'),
    },
    defaults: {
      subject: 'Your sending domain {{domain.name}} is no longer verified',
      heading: 'Your sending domain needs a look',
      body: 'A check of {{domain.name}} found: {{domain.problems}}\n\nUntil the records are back, your e-mails go from our address with your name and your support address as Reply-To. Put the records back as shown in the console, then check again.',
      buttonLabel: 'Open the records',
    },
  }),
  whatsapp_number_notice: defineMessageType({
    key: 'whatsapp_number_notice',
    label: 'WhatsApp number needs a look',
    description: 'Sent to your owners and admins when a linked WhatsApp number’s token expires within 7 days or has expired, or its health changed at a check.',
    variables: {
      'number.display': { description: 'The number as Meta displays it.', sample: '+91 11 4310 4501' },
      'number.name': { description: 'Its verified business name.', sample: 'Acme Corp' },
      'notice.subject': { description: 'What happened, in a few words.', sample: 'token expiring' },
      'notice.details': { description: 'What happened, in full.', sample: 'Its access token expires on 2026-12-05 10:00 UTC.' },
      'notice.action': { description: 'What to do about it.', sample: 'Create a new token and link the number again with it.' },
      'notice.mode': { description: '“live”, or “test mode” for a number of your sandbox.', sample: 'live' },
      'link.url': linkUrl('the number’s page in your console'),
    },
    defaults: {
      subject: 'WhatsApp number {{number.display}}: {{notice.subject}}',
      heading: 'WhatsApp number {{number.display}} needs a look',
      body: 'About {{number.display}} ({{number.name}}, {{notice.mode}}):\n\n{{notice.details}}\n\n{{notice.action}}',
      buttonLabel: 'Open the number',
    },
  }),
  number_rental_unpaid: defineMessageType({
    key: 'number_rental_unpaid',
    label: 'Number rental unpaid',
    description: 'Sent to a client when its number’s monthly rental could not be charged: the number keeps working until the grace period ends, then it is suspended.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'number.display': { description: 'The number as it reads.', sample: '+91 11 4310 4501' },
      'rental.amount': { description: 'The monthly rental, formatted.', sample: '₹300.00' },
      'rental.suspend_on': { description: 'When the number is suspended unless paid (India time).', sample: '9 Dec 2026' },
    },
    defaults: {
      subject: 'The rental of {{number.display}} is unpaid',
      heading: 'Your number’s rental is unpaid',
      body: 'Hello {{client.name}},\n\nThe monthly rental of {{number.display}} ({{rental.amount}}) could not be charged: your wallet has too little in it. The number keeps working until {{rental.suspend_on}}; after that it is suspended, and later released.\n\nContact {{partner.support_email}} to add credits; the rental is charged again automatically.',
      buttonLabel: null,
    },
  }),
  invoice_issued: defineMessageType({
    key: 'invoice_issued',
    label: 'Invoice issued',
    description: 'Sent to a client when its monthly tax invoice (or a credit note for a refund) is ready, with its PDF attached; the link opens the Invoices tab of its portal, where every PDF stays.',
    variables: {
      'client.name': { description: 'The client’s name.', sample: 'Sharma Traders' },
      'invoice.kind': { description: '“Tax invoice”, “Bill of supply” or “Credit note”.', sample: 'Tax invoice' },
      'invoice.number': { description: 'The invoice number.', sample: 'INV/2627/00042' },
      'invoice.period': { description: 'The month it covers (YYYY-MM).', sample: '2026-11' },
      'invoice.total': { description: 'The total, formatted.', sample: '₹1,180.00' },
      'link.url': linkUrl('the portal’s Invoices tab'),
    },
    defaults: {
      subject: '{{invoice.kind}} {{invoice.number}} from {{partner.product_name}}',
      heading: 'Your {{invoice.kind}} for {{invoice.period}}',
      body: 'Hello {{client.name}},\n\nYour {{invoice.kind}} {{invoice.number}} for {{invoice.period}} is ready: {{invoice.total}}, GST included. The PDF is attached, and stays in your account.',
      buttonLabel: 'View invoices',
    },
  }),
};

export type MessageTypeKey = keyof typeof messageTypes;
export const messageTypeKeys = Object.keys(messageTypes) as MessageTypeKey[];

export function isMessageTypeKey(value: string): value is MessageTypeKey {
  return Object.hasOwn(messageTypes, value);
}
