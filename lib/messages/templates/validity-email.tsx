import { Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

/** Tells a client, in its partner's brand, that its validity ran out and its services are paused. */
export function ValidityEmail({ brand, name, validTill }: { brand: EmailBrand; name: string; validTill: Date }) {
  return (
    <BrandEmail brand={brand} preview={`Your ${brand.productName} services are paused`} heading="Your services are paused">
      <Text>Hello {name},</Text>
      <Text>
        Your account’s validity ended on {when.format(validTill)} (India time), so its services are paused. Nothing is lost: they resume as soon as your validity is extended.
      </Text>
      <Text>Contact {brand.supportEmail ?? 'your provider'} to extend it.</Text>
    </BrandEmail>
  );
}
