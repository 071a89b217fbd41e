import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export const buttonStyle = (brand: EmailBrand) => ({ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' });

/** Invites someone to a partner's team: the link where they choose their password. */
export function InviteEmail({ brand, name, url, days }: { brand: EmailBrand; name: string; url: string; days: number }) {
  return (
    <BrandEmail brand={brand} preview={`You are invited to ${brand.productName}`} heading={`Join ${brand.productName}`}>
      <Text>Hello {name},</Text>
      <Text>You have been added to the {brand.productName} team. Choose your password to sign in:</Text>
      <Button href={url} style={buttonStyle(brand)}>
        Accept the invitation
      </Button>
      <Text style={{ color: '#475569', marginTop: 16 }}>Or paste this address into your browser: {url}</Text>
      <Text style={{ color: '#475569' }}>The link works once and expires in {days} days. If you did not expect it, ignore this e-mail.</Text>
    </BrandEmail>
  );
}
