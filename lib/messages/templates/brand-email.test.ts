import { render } from '@react-email/components';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { setLogo } from '@/lib/branding/update-branding';
import { getConfig } from '@/lib/config';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor } from '@/test/factories';
import { pngImage } from '@/test/images';
import { messageTypes } from '@/lib/email-templates/message-types';
import { fillTemplate } from '@/lib/email-templates/render-template';

const otpEmail = (brand: Awaited<ReturnType<typeof emailBrandFor>>) =>
  fillTemplate(messageTypes.otp, messageTypes.otp.defaults, brand, { 'recipient.name': 'Asha', 'otp.code': '123456', 'otp.expires_in_minutes': '10' }).element;

describe('e-mails in the partner’s brand', () => {
  it('show the partner’s name when it has no logo, and never the platform’s', async () => {
    const partner = await makePartner('mail');
    const brand = await emailBrandFor(getDb(), partner.id);
    const html = await render(otpEmail(brand));
    expect(html).toContain(brand.productName);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(getConfig().PLATFORM_NAME);
  });

  it('show the partner’s logo from its own host, also for its sandbox’s messages', async () => {
    const partner = await makePartner('mail');
    await setLogo(systemFor(partner.id), pngImage(120, 40), 'image/png');
    for (const partnerId of [partner.id, await ensureSandbox(partner.id)]) {
      const brand = await emailBrandFor(getDb(), partnerId);
      expect(brand.logoUrl).toMatch(new RegExp(`^https?://${partner.slug}\\.${getConfig().PLATFORM_DOMAIN.replaceAll('.', '\\.')}(:\\d+)?/brand/logo\\?v=[0-9a-f]{16}$`));
      const html = await render(otpEmail(brand));
      expect(html).toContain(`src="${brand.logoUrl!.replaceAll('&', '&amp;')}"`);
      expect(html).toContain(`alt="${brand.productName}"`);
    }
  });
});
