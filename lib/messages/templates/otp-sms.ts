import type { EmailBrand } from './brand-email';

/** The SMS carrying a registration's one-time code (e-mails are templated: lib/email-templates). */
export function otpSms(brand: EmailBrand, code: string, minutes: number): string {
  return `${code} is your ${brand.productName} verification code. It expires in ${minutes} minutes. Do not share it.`;
}
