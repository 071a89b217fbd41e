import { Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

/** The e-mail carrying a registration's one-time code. */
export function OtpEmail({ brand, name, code, minutes }: { brand: EmailBrand; name: string; code: string; minutes: number }) {
  return (
    <BrandEmail brand={brand} preview={`Your ${brand.productName} code is ${code}`} heading="Confirm your e-mail address">
      <Text>Hello {name},</Text>
      <Text>Enter this code to confirm your e-mail address:</Text>
      <Text style={{ fontSize: 32, fontWeight: 700, letterSpacing: 6, margin: '16px 0' }}>{code}</Text>
      <Text style={{ color: '#475569' }}>It expires in {minutes} minutes. If you did not sign up for {brand.productName}, ignore this e-mail.</Text>
    </BrandEmail>
  );
}

export function otpSms(brand: EmailBrand, code: string, minutes: number): string {
  return `${code} is your ${brand.productName} verification code. It expires in ${minutes} minutes. Do not share it.`;
}
