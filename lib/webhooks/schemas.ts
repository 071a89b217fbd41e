import { z } from 'zod';
import { eventTypes, highVolumeEventTypes } from '@/lib/events/catalogue';

// The URL parser forgives what a person would not mean: `https:///x` and `https:x` both become https://x/.
// An authority must be written out, non-empty, after the two slashes.
const writtenAuthority = /^https?:\/\/[^/\\?#@]/i;

function isHttpUrl(value: string): boolean {
  if (!writtenAuthority.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Shape only; whether this partner may send to it (https, public address) is checked in target-policy.ts. */
export const webhookUrlSchema = z
  .string('Enter the endpoint URL.')
  .trim()
  .min(1, 'Enter the endpoint URL.')
  .max(2048, 'Use at most 2048 characters.')
  .refine(isHttpUrl, 'Enter an absolute https:// URL, without a user name or password.')
  .meta({ description: 'Where deliveries are POSTed: an absolute https URL of at most 2048 characters.', example: 'https://hooks.acme.example/webhooks' });

const eventTypeChoice = z.enum(['*', ...eventTypes], { error: (issue) => `Unknown event type “${String(issue.input)}”.` });

/**
 * `*` swallows everything else but the high-volume types (which `*` does not include), and duplicates go, so
 * the stored list reads the way it behaves.
 */
export const eventTypesSchema = z
  .array(eventTypeChoice, 'Choose the event types to send.')
  .min(1, 'Choose at least one event type, or * for all.')
  .max(100)
  .transform((types) => (types.includes('*') ? ['*', ...new Set(types.filter((type) => highVolumeEventTypes.has(type)))] : [...new Set(types)]))
  .meta({ description: 'Event types delivered to this endpoint, or `["*"]` for all of them.', example: ['client.activated', 'client.deactivated'] });

export const descriptionSchema = z
  .string()
  .trim()
  .max(500, 'Use at most 500 characters.')
  .nullish()
  .transform((text) => text || null)
  .meta({ description: 'A note for your team: what listens there.', example: 'Billing sync' });

export const createWebhookEndpointSchema = z.object({ url: webhookUrlSchema, description: descriptionSchema, eventTypes: eventTypesSchema });

export const updateWebhookEndpointSchema = z.object({
  url: webhookUrlSchema.optional(),
  description: descriptionSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
  status: z.enum(['enabled', 'disabled'], 'Choose enabled or disabled.').optional(),
});

export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointSchema>;
