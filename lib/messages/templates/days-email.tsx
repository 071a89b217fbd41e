import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type DaysEmailProps = {
  brand: EmailBrand;
  /** The day balance fell below its threshold; a channel stops soon; a channel stopped. */
  kind: 'days_low' | 'expiring' | 'stopped';
  /** Days left: on the balance (days_low) or on the channel (expiring). */
  days: number;
  threshold: number | null;
  channelName: string | null;
  consoleUrl: string | null;
};

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The day-balance and channel-expiry notices to a partner's owners and admins, in its brand. */
export function DaysEmail({ brand, kind, days, threshold, channelName, consoleUrl }: DaysEmailProps) {
  const heading = kind === 'days_low' ? 'Your day balance is running low' : kind === 'expiring' ? `${channelName} stops in ${plural(days)}` : `${channelName} has stopped`;
  return (
    <BrandEmail brand={brand} preview={heading} heading={heading}>
      {kind === 'days_low' ? (
        <Text>
          Your day balance has {plural(days)} left, below the {plural(threshold ?? 0)} you asked to be told about. Buy days to keep extending your WhatsApp channels.
        </Text>
      ) : kind === 'expiring' ? (
        <Text>The WhatsApp channel {channelName} runs out of days in {plural(days)}. Allocate days to keep it running.</Text>
      ) : (
        <Text>The WhatsApp channel {channelName} reached the end of its days and was stopped. Allocating days restarts it.</Text>
      )}
      {consoleUrl ? (
        <Button href={consoleUrl} style={{ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' }}>
          Open channels
        </Button>
      ) : null}
    </BrandEmail>
  );
}
