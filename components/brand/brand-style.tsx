import { focusColourFor, hexColourOr, linkColourFor, neutralPrimary, readableTextOn } from '@/lib/branding/contrast';

/**
 * The partner's colours as CSS variables, rendered into the server HTML so the first paint is already in the
 * partner's brand. Colours are validated on save; checked again here because this text lands in a <style>.
 */
export function BrandStyle({ primary, secondary }: { primary: string; secondary: string }) {
  const p = hexColourOr(primary, neutralPrimary);
  const s = hexColourOr(secondary, '#0f172a');
  // Links and focus rings sit on light surfaces: a light brand colour is darkened there to stay readable.
  const css = `:root{--brand-primary:${p};--brand-primary-contrast:${readableTextOn(p)};--brand-link:${linkColourFor(p)};--brand-focus:${focusColourFor(p)};--brand-secondary:${s};--brand-secondary-contrast:${readableTextOn(s)}}`;
  return <style>{css}</style>;
}
