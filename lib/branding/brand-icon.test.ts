import { describe, expect, it } from 'vitest';
import { jpegImage, pngImage } from '@/test/images';
import { makePartner, subdomainOf, systemFor } from '@/test/factories';
import { resolveHost } from '@/lib/tenancy/resolve-host';
import { brandIcon, brandIconVersion, iconLetter, isAboutSquare } from './brand-icon';
import { setLogo, updateBranding } from './update-branding';

const brand = { productName: 'acme Connect', primaryColor: '#dc2626', secondaryColor: '#1f2937', supportEmail: null, logoVersion: null };

async function tenantOf(slug: string) {
  const resolved = await resolveHost(subdomainOf(slug));
  if (resolved.kind !== 'partner') throw new Error('not a partner host');
  return resolved.tenant;
}

describe('brandIcon', () => {
  it('draws the first letter on the primary colour, in the text colour that reads on it, without a logo', async () => {
    const partner = await makePartner('icon');
    await updateBranding(systemFor(partner.id), { productName: 'globex Voice', primaryColor: '#fde047', secondaryColor: '#111827', supportEmail: '' });
    expect(await brandIcon(await tenantOf(partner.slug))).toEqual({ kind: 'letter', letter: 'G', background: '#fde047', color: '#0f172a' });
  });

  it('shows a square logo itself, but not a wide wordmark', async () => {
    const partner = await makePartner('icon-logo');
    const square = jpegImage(48, 40);
    await setLogo(systemFor(partner.id), square, 'image/jpeg');
    expect(await brandIcon(await tenantOf(partner.slug))).toEqual({ kind: 'logo', bytes: square, contentType: 'image/jpeg' });

    await setLogo(systemFor(partner.id), pngImage(120, 30), 'image/png');
    expect(await brandIcon(await tenantOf(partner.slug))).toMatchObject({ kind: 'letter', letter: partner.name[0] });
  });
});

describe('brandIconVersion', () => {
  it('changes with the letter, the colour and the logo, and only with them', () => {
    const base = brandIconVersion(brand);
    expect(brandIconVersion({ ...brand, productName: 'Acme Voice', secondaryColor: '#000000', supportEmail: 'a@b.example' })).toBe(base);
    expect(brandIconVersion({ ...brand, productName: 'Zeta' })).not.toBe(base);
    expect(brandIconVersion({ ...brand, primaryColor: '#059669' })).not.toBe(base);
    expect(brandIconVersion({ ...brand, logoVersion: '0123456789abcdef' })).not.toBe(base);
  });
});

describe('iconLetter and isAboutSquare', () => {
  it('takes the first Latin letter or digit, upper-cased, and nothing when the name has none', () => {
    expect(iconLetter('  acme')).toBe('A');
    expect(iconLetter('9 Lives')).toBe('9');
    // Other scripts and emoji would make next/og fetch a font from outside: they are passed over.
    expect(iconLetter('𝒜cme')).toBe('C');
    expect(iconLetter('🚀 Rocket')).toBe('R');
    expect(iconLetter('भारत')).toBe('');
    expect(iconLetter('')).toBe('');
  });

  it('calls square what is within a quarter of square', () => {
    expect(isAboutSquare(100, 100)).toBe(true);
    expect(isAboutSquare(125, 100)).toBe(true);
    expect(isAboutSquare(100, 126)).toBe(false);
    expect(isAboutSquare(0, 0)).toBe(false);
  });
});
