import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type WhatsappNumberEmailProps = {
  brand: EmailBrand;
  displayNumber: string;
  verifiedName: string;
  /** What happened, one sentence each (the token expires on …, quality went from GREEN to YELLOW …). */
  lines: string[];
  /** What to do about it. */
  action: string;
  consoleUrl: string;
  testMode: boolean;
};

/** Tells a partner's owners and admins that a linked WhatsApp number needs a look: its token or its health. */
export function WhatsappNumberEmail({ brand, displayNumber, verifiedName, lines, action, consoleUrl, testMode }: WhatsappNumberEmailProps) {
  return (
    <BrandEmail brand={brand} preview={`${displayNumber}: ${lines[0] ?? ''}`} heading={`${testMode ? 'Test mode: ' : ''}WhatsApp number ${displayNumber} needs a look`}>
      <Text>
        About <strong>{displayNumber}</strong> ({verifiedName}):
      </Text>
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Text>{action}</Text>
      <Button href={consoleUrl} style={{ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' }}>
        Open the number
      </Button>
      <Text style={{ color: '#475569', marginTop: 16 }}>Or paste this address into your browser: {consoleUrl}</Text>
    </BrandEmail>
  );
}
