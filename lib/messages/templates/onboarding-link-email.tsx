import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';
import { buttonStyle } from './invite-email';

/** Sends a prospect the hosted onboarding link, where they register and complete KYC themselves. */
export function OnboardingLinkEmail({ brand, name, url, expiresOn }: { brand: EmailBrand; name: string | null; url: string; expiresOn: string }) {
  return (
    <BrandEmail brand={brand} preview={`Open your ${brand.productName} account`} heading={`Open your ${brand.productName} account`}>
      <Text>Hello{name ? ` ${name}` : ''},</Text>
      <Text>Open your account and complete the business verification (KYC) online, in a few minutes:</Text>
      <Button href={url} style={buttonStyle(brand)}>
        Open my account
      </Button>
      <Text style={{ color: '#475569', marginTop: 16 }}>Or paste this address into your browser: {url}</Text>
      <Text style={{ color: '#475569' }}>The link is for you alone and works until {expiresOn}.</Text>
    </BrandEmail>
  );
}
