import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type WebhookDisabledEmailProps = {
  brand: EmailBrand;
  /** The endpoint's URL without credentials or query string, and its description, so people know which one. */
  endpointUrl: string;
  description: string | null;
  endpointId: string;
  reason: string;
  /** The endpoint's page in the console, where it is enabled again. */
  consoleUrl: string;
  testMode: boolean;
};

/** Tells a partner's owners and admins that deliveries to one of their webhook endpoints have stopped. */
export function WebhookDisabledEmail({ brand, endpointUrl, description, endpointId, reason, consoleUrl, testMode }: WebhookDisabledEmailProps) {
  return (
    <BrandEmail brand={brand} preview={`Webhook deliveries to ${endpointUrl} have stopped`} heading={testMode ? 'A test-mode webhook endpoint was disabled' : 'A webhook endpoint was disabled'}>
      <Text>
        We stopped sending events to <strong>{endpointUrl}</strong>
        {description ? ` (${description})` : ''}, endpoint {endpointId}.
      </Text>
      <Text>{reason}</Text>
      <Text>Events that happen while it is disabled are not delivered to it; the events API keeps them for 30 days.</Text>
      <Text>
        Once the endpoint answers again, enable it on its page in the console{testMode ? ' (switch on Test mode first)' : ''}, or set its <code>status</code> to{' '}
        <code>enabled</code> through the API.
      </Text>
      <Button href={consoleUrl} style={{ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' }}>
        Open the endpoint
      </Button>
      <Text style={{ color: '#475569', marginTop: 16 }}>Or paste this address into your browser: {consoleUrl}</Text>
    </BrandEmail>
  );
}
