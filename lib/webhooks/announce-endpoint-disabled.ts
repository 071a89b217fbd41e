import type { Tx } from '@/db';
import { emitEvent } from '@/lib/events/emit-event';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';

export type DisabledEndpoint = { id: string; partnerId: string; url: string; description: string | null; eventTypes: string[]; failingSince: Date | null };

/** Why the platform stopped deliveries: the receiver said 410 Gone, or it failed for days without a success. */
export type DisableCause = 'gone' | 'failing';

/**
 * The URL as it may be shown in events and e-mails: its origin only. Webhook URLs often carry a token, in the
 * query string or in the path itself (`/services/T…/B…/<secret>`), and neither belongs in a payload sent
 * elsewhere or in a mailbox; the endpoint's id says which one it is. Stored URLs have passed webhookUrlSchema,
 * so they parse and hold no user name or password.
 */
function shownUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
}

/**
 * Tells people that the platform disabled an endpoint, in the transaction that disabled it: a
 * `webhook_endpoint.disabled` event for the partner's other endpoints (the disabled one is no longer enabled,
 * so emitEvent skips it), and an e-mail to the owners and admins of the live partner, who can enable it again.
 * A sandbox's endpoint is announced in the sandbox, and its e-mail to the same people stays there too, in the
 * test-mode outbox: a sandbox only ever uses the simulated providers.
 */
export async function announceEndpointDisabled(tx: Tx, endpoint: DisabledEndpoint, cause: DisableCause, reason: string): Promise<void> {
  const url = shownUrl(endpoint.url);
  await emitEvent(tx, endpoint.partnerId, 'webhook_endpoint.disabled', {
    webhook_endpoint: { id: endpoint.id, url, description: endpoint.description, event_types: endpoint.eventTypes, status: 'disabled', disabled_reason: reason, failing_since: endpoint.failingSince?.toISOString() ?? null },
    reason: cause,
  });

  const { emails, testMode } = await adminRecipients(tx, endpoint.partnerId);
  if (!emails.length) return;

  const consoleUrl = await partnerHomeUrl(tx, endpoint.partnerId, `/developers/webhooks/${endpoint.id}`);
  const values = { 'endpoint.url': url, 'endpoint.id': endpoint.id, 'endpoint.description': endpoint.description ?? '', 'endpoint.kind': testMode ? 'Test-mode webhook' : 'Webhook', 'endpoint.mode': testMode ? 'test mode — switch on Test mode in the console to see it' : 'live', 'disable.reason': reason, 'link.url': consoleUrl };
  for (const to of emails) await queueTemplatedEmail(tx, { partnerId: endpoint.partnerId, to, type: 'webhook_endpoint_disabled', values });
}
