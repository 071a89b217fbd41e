/**
 * The version a logo's URL carries (`/brand/logo?v=…`): the start of its SHA-256, so a new logo is a new URL
 * and every page, e-mail and the icon can let the old one be cached for ever.
 */
export function logoVersionOf(sha256: string): string {
  return sha256.slice(0, 16);
}
