export type OutgoingSms = { to: string; text: string; senderName: string };

/**
 * What sending an SMS needs. Indian SMS delivery requires DLT-registered templates with each carrier's
 * gateway, so no gateway is bundled: a deployment adds its adapter here. Until then, the simulator keeps
 * messages in the dev outbox.
 */
export interface SmsProvider {
  readonly name: string;
  send(sms: OutgoingSms): Promise<{ providerMessageId?: string }>;
}
