import { Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type RentalUnpaidEmailProps = {
  brand: EmailBrand;
  name: string;
  /** The number as it reads (+91 11 4310 4501). */
  number: string;
  /** Formatted: the monthly rental, and the date the number is suspended unless paid. */
  amount: string;
  suspendOn: string;
};

/** Tells a client its number's monthly rental could not be charged, and when the number stops working. */
export function RentalUnpaidEmail({ brand, name, number, amount, suspendOn }: RentalUnpaidEmailProps) {
  return (
    <BrandEmail brand={brand} preview={`The rental of ${number} could not be charged`} heading="Your number’s rental is unpaid">
      <Text>Hello {name},</Text>
      <Text>
        The monthly rental of {number} ({amount}) could not be charged: your wallet has too little in it. The number keeps working until {suspendOn}; after that it is suspended, and
        later released.
      </Text>
      <Text>Contact {brand.supportEmail ?? 'your provider'} to add credits; the rental is charged again automatically.</Text>
    </BrandEmail>
  );
}
