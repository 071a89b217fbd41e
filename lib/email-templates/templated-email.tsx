import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from '@/lib/messages/templates/brand-email';

const buttonStyle = (brand: EmailBrand) => ({ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' });

export type FilledTemplate = { subject: string; heading: string; paragraphs: string[]; buttonLabel: string | null; buttonUrl: string | null; callout: string | null };

/**
 * The e-mail of every templated message, inside the partner's brand frame. Every string here arrives already
 * substituted and is put into the page as text, so React escapes it: partner wording and values alike can
 * never become markup.
 */
export function TemplatedEmail({ brand, filled }: { brand: EmailBrand; filled: FilledTemplate }) {
  return (
    <BrandEmail brand={brand} preview={filled.heading} heading={filled.heading}>
      {filled.paragraphs.map((paragraph, i) => (
        <Text key={i} style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </Text>
      ))}
      {filled.callout ? <Text style={{ fontSize: 32, fontWeight: 700, letterSpacing: 6, margin: '16px 0' }}>{filled.callout}</Text> : null}
      {filled.buttonUrl && filled.buttonLabel ? (
        <>
          <Button href={filled.buttonUrl} style={buttonStyle(brand)}>
            {filled.buttonLabel}
          </Button>
          <Text style={{ color: '#475569', marginTop: 16, wordBreak: 'break-all' }}>Or paste this address into your browser: {filled.buttonUrl}</Text>
        </>
      ) : null}
    </BrandEmail>
  );
}
