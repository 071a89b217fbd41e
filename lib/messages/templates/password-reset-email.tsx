import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

/** The "forgot password" e-mail: a single-use link, in the brand of the host the request was made on. */
export function PasswordResetEmail({ brand, name, url, minutes }: { brand: EmailBrand; name: string; url: string; minutes: number }) {
  return (
    <BrandEmail brand={brand} preview={`Reset your ${brand.productName} password`} heading="Reset your password">
      <Text>Hello {name},</Text>
      <Text>Someone asked to reset the password of your {brand.productName} account. To choose a new one, open this link:</Text>
      <Button href={url} style={{ backgroundColor: brand.primaryColor, color: '#ffffff', borderRadius: 6, padding: '10px 16px', fontWeight: 600 }}>
        Choose a new password
      </Button>
      <Text style={{ wordBreak: 'break-all', color: '#475569', fontSize: 12 }}>{url}</Text>
      <Text style={{ color: '#475569' }}>
        The link works once and expires in {minutes} minutes. Choosing a new password signs you out everywhere. If you did not ask for this, ignore this
        e-mail: your password stays as it is.
      </Text>
    </BrandEmail>
  );
}
