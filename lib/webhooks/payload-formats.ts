import { flowmatixWebhookBody } from '@/lib/compat/flowmatix/webhook-payload';
import { uchatWebhookBody } from '@/lib/compat/uchat/webhook-payload';
import { webhookBody } from './sign';

export type PayloadFormat = 'standard' | 'uchat' | 'flowmatix';

export type DeliveredEvent = { id: string; type: string; data: unknown; createdAt: Date };

/**
 * Each format builds its body from the event alone, so every attempt (and a redelivery) sends the same bytes,
 * and the signature covers exactly what the receiver reads.
 */
const formats: Record<PayloadFormat, (event: DeliveredEvent) => string> = {
  standard: webhookBody,
  uchat: uchatWebhookBody,
  flowmatix: flowmatixWebhookBody,
};

export function formatWebhookBody(format: PayloadFormat, event: DeliveredEvent): string {
  return formats[format](event);
}
