import { createHash } from 'node:crypto';
import type { Tenant } from '@/lib/tenancy/resolve-host';
import { hexColourOr, neutralPrimary, readableTextOn } from './contrast';
import { inspectImage } from './logo-image';
import { readLogo } from './update-branding';

/** Drawn icons are this many pixels square: sharp as a tab icon on high-density screens, and small. */
export const brandIconSize = 64;

/**
 * What a partner host's browser icon shows: its logo when the logo is about square (a wide wordmark shrunk to
 * 16 pixels is unreadable), otherwise the product name's first letter on the brand's primary colour, as the
 * console's own brand mark does. Never anything of the platform's.
 */
export type BrandIcon = { kind: 'logo'; bytes: Buffer; contentType: string } | { kind: 'letter'; letter: string; background: string; color: string };

/**
 * The name's first Latin letter or digit, upper-cased; empty (a plain tile in the brand colour) when it has
 * none. Only these because next/og draws other scripts and emoji by fetching fonts from outside services at
 * request time, which an icon must never depend on.
 */
export function iconLetter(productName: string): string {
  return /[a-z0-9]/i.exec(productName)?.[0]?.toUpperCase() ?? '';
}

/** Changes whenever the icon would, so its URL can be cached for ever. */
export function brandIconVersion(brand: Tenant['brand']): string {
  return createHash('sha256')
    .update(JSON.stringify([iconLetter(brand.productName), brand.primaryColor, brand.logoVersion]))
    .digest('hex')
    .slice(0, 16);
}

export function isAboutSquare(width: number, height: number): boolean {
  return width > 0 && height > 0 && Math.max(width, height) / Math.min(width, height) <= 1.25;
}

export async function brandIcon(tenant: Pick<Tenant, 'partnerId' | 'brand'>): Promise<BrandIcon> {
  const { brand } = tenant;
  if (brand.logoVersion) {
    const logo = await readLogo(tenant.partnerId);
    const image = logo ? inspectImage(logo.bytes) : null;
    if (logo && image && !('problem' in image) && isAboutSquare(image.width, image.height)) return { kind: 'logo', bytes: logo.bytes, contentType: logo.contentType };
  }
  const background = hexColourOr(brand.primaryColor, neutralPrimary);
  return { kind: 'letter', letter: iconLetter(brand.productName), background, color: readableTextOn(background) };
}
