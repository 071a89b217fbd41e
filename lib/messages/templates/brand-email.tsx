import { Body, Container, Heading, Html, Img, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export type EmailBrand = {
  productName: string;
  primaryColor: string;
  supportEmail: string | null;
  /** Absolute URL of the partner's logo on its own host; null when it has none. */
  logoUrl: string | null;
};

/** The frame every e-mail shares: the partner's logo (or name) and colour, never the platform's. */
export function BrandEmail({ brand, preview, heading, children }: { brand: EmailBrand; preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f8fafc', fontFamily: 'Arial, Helvetica, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, maxWidth: 520, padding: 24, borderTop: `4px solid ${brand.primaryColor}` }}>
          {brand.logoUrl ? (
            <Img src={brand.logoUrl} alt={brand.productName} height={32} style={{ margin: '0 0 16px', height: 32, width: 'auto' }} />
          ) : (
            <Text style={{ color: brand.primaryColor, fontSize: 18, fontWeight: 700, margin: '0 0 16px' }}>{brand.productName}</Text>
          )}
          <Heading as="h1" style={{ fontSize: 20, margin: '0 0 12px', color: '#0f172a' }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          {brand.supportEmail ? <Text style={{ color: '#64748b', fontSize: 12, marginTop: 24 }}>Questions? Write to {brand.supportEmail}.</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}
