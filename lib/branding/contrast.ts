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

/** What WCAG 2.x AA asks: 4.5:1 for body text (links among it), 3:1 for what marks a control (a focus ring). */
export const textContrast = 4.5;
export const markContrast = 3;

/** The light surfaces brand colours are drawn on: cards (white) and the page around them (slate-50). */
const surfaces = ['#ffffff', '#f8fafc'];

const hex = (channels: number[]) => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The colour itself when it reaches `ratio` on every light surface, else the lightest shade of it (mixed with
 * black, keeping its hue) that does: a light brand colour still reads as the brand, only darker.
 */
export function shadeReaching(colour: string, ratio: number): string {
  const worst = (c: string) => Math.min(...surfaces.map((s) => contrastRatio(c, s)));
  if (worst(colour) >= ratio) return colour.toLowerCase();
  const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  // Contrast grows as the shade darkens, so the lightest shade that passes is found by halving.
  let [light, dark] = [1, 0];
  for (let i = 0; i < 20; i++) {
    const mid = (light + dark) / 2;
    if (worst(hex(channels.map((c) => c * mid))) >= ratio) dark = mid;
    else light = mid;
  }
  return hex(channels.map((c) => Math.floor(c * dark)));
}

/** Links drawn in the brand colour on light surfaces: the brand colour, darkened where needed to reach 4.5:1. */
export const linkColourFor = (primary: string) => shadeReaching(hexColourOr(primary, neutralPrimary), textContrast);

/** Focus rings and other marks in the brand colour: darkened where needed to reach 3:1 on light surfaces. */
export const focusColourFor = (primary: string) => shadeReaching(hexColourOr(primary, neutralPrimary), markContrast);

const ratioText = (ratio: number) => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;

/**
 * Where the chosen colours cannot be used as they are, what the console does instead or what stays hard to read,
 * in words for the Branding page. Empty when both colours work everywhere.
 */
export function brandColourWarnings(colours: { primary: string; secondary: string }): string[] {
  const warnings: string[] = [];
  if (!/^#[0-9a-f]{6}$/i.test(colours.primary) || !/^#[0-9a-f]{6}$/i.test(colours.secondary)) return warnings;
  const primaryOnWhite = contrastRatio(colours.primary, '#ffffff');
  const link = linkColourFor(colours.primary);
  if (link !== colours.primary.toLowerCase()) {
    warnings.push(`The primary colour has a contrast of only ${ratioText(primaryOnWhite)} on white, below the ${textContrast}:1 text needs: links and focus rings use a darker shade of it, ${link}.`);
  }
  for (const [name, colour, where] of [
    ['primary', colours.primary, 'buttons'],
    ['secondary', colours.secondary, 'the navigation'],
  ] as const) {
    const best = contrastRatio(colour, readableTextOn(colour));
    if (best < textContrast) {
      warnings.push(`Text on the ${name} colour (${where}) reaches only ${ratioText(best)}, below ${textContrast}:1, in white or in black: choose a lighter or a darker ${name} colour.`);
    }
  }
  return warnings;
}
