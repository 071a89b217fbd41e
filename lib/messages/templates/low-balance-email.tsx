import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type LowBalanceEmailProps = {
  brand: EmailBrand;
  /** Whose balance: a client's wallet (to the client) or the partner's prepaid balance (to its owners and admins). */
  whose: 'wallet' | 'prepaid';
  name: string | null;
  /** Formatted amounts (₹1,23,456.78): what is left to spend, and the alert's threshold. */
  available: string;
  threshold: string;
  /** Where to add funds: the partner's Billing page; a client asks its provider. */
  consoleUrl: string | null;
};

/** Says, once per crossing, that a balance fell below the alert its owner set, in the partner's brand. */
export function LowBalanceEmail({ brand, whose, name, available, threshold, consoleUrl }: LowBalanceEmailProps) {
  const what = whose === 'wallet' ? `Your ${brand.productName} wallet` : 'Your prepaid balance';
  return (
    <BrandEmail brand={brand} preview={`${what} is below ${threshold}`} heading={`${what} is running low`}>
      {name ? <Text>Hello {name},</Text> : null}
      <Text>
        {what} has {available} left to spend, below the {threshold} you asked to be told about.
        {whose === 'wallet' ? ' Services stop when it runs out.' : ' Charges to your clients are refused when it runs out.'}
      </Text>
      {whose === 'wallet' ? <Text>Contact {brand.supportEmail ?? 'your provider'} to add credits.</Text> : null}
      {consoleUrl ? (
        <Button href={consoleUrl} style={{ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' }}>
          Add funds
        </Button>
      ) : null}
    </BrandEmail>
  );
}
