/** Relative luminance of an sRGB hex colour, per WCAG 2.x. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black text, whichever reads better on the given background. */
export function readableTextOn(background: string): '#ffffff' | '#0f172a' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#0f172a') ? '#ffffff' : '#0f172a';
}

/** The brand colour used where a partner's own cannot be: slate, readable under either text colour. */
export const neutralPrimary = '#334155';

/**
 * The colour when it is a `#rrggbb` hex, else the fallback. Colours are validated on save; this guards the places
 * a colour lands in markup (a <style>, an image), should a row somehow hold anything else.
 */
export function hexColourOr(colour: string, fallback: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour : fallback;
}
