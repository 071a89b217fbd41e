import { describe, expect, it } from 'vitest';
import { brandColourWarnings, contrastRatio, focusColourFor, linkColourFor, readableTextOn } from './contrast';

describe('contrastRatio', () => {
  it('follows WCAG: 21:1 for black on white, 1:1 for a colour on itself, either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#4f46e5', '#4f46e5')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('readableTextOn', () => {
  it('puts white text on dark and saturated backgrounds', () => {
    for (const background of ['#000000', '#0f172a', '#4f46e5', '#b91c1c', '#1d4ed8', '#166534']) expect(readableTextOn(background)).toBe('#ffffff');
  });

  it('puts dark text on light backgrounds', () => {
    for (const background of ['#ffffff', '#fef08a', '#a5f3fc', '#f59e0b', '#84cc16']) expect(readableTextOn(background)).toBe('#0f172a');
  });

  it('always picks the colour with the higher contrast, which meets WCAG AA for large text', () => {
    for (let i = 0; i < 4096; i += 37) {
      const background = `#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => n.toString(16).repeat(2)).join('')}`;
      const text = readableTextOn(background);
      const other = text === '#ffffff' ? '#0f172a' : '#ffffff';
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(contrastRatio(background, other));
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('linkColourFor and focusColourFor', () => {
  it('keep a colour that already reads on white and on the page background', () => {
    expect(linkColourFor('#1D4ED8')).toBe('#1d4ed8');
    expect(focusColourFor('#4f46e5')).toBe('#4f46e5');
  });

  it('darken a light brand colour just enough for WCAG AA: 4.5:1 for links, 3:1 for focus rings', () => {
    const link = linkColourFor('#ffee00');
    const focus = focusColourFor('#ffee00');
    for (const surface of ['#ffffff', '#f8fafc']) {
      expect(contrastRatio(link, surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(focus, surface)).toBeGreaterThanOrEqual(3);
    }
    // The lightest shade that passes: a little lighter fails, and the hue stays (red and green over blue).
    expect(contrastRatio(link, '#f8fafc')).toBeLessThan(4.7);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(link.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(b!);
    expect(g).toBeGreaterThan(b!);
  });

  it('reach AA from any colour', () => {
    for (let i = 0; i < 4096; i += 29) {
      const colour = `#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => n.toString(16).repeat(2)).join('')}`;
      expect(contrastRatio(linkColourFor(colour), '#f8fafc')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(focusColourFor(colour), '#f8fafc')).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('brandColourWarnings', () => {
  it('says nothing for colours that work as they are', () => {
    expect(brandColourWarnings({ primary: '#4f46e5', secondary: '#0f172a' })).toEqual([]);
  });

  it('says when links use a darker shade, and which', () => {
    const [warning] = brandColourWarnings({ primary: '#ffee00', secondary: '#0f172a' });
    expect(warning).toContain('1.2:1 on white');
    expect(warning).toContain(linkColourFor('#ffee00'));
  });

  it('says when no text colour reads on a colour', () => {
    const warnings = brandColourWarnings({ primary: '#4f46e5', secondary: '#d9480f' });
    expect(warnings).toEqual([expect.stringContaining('Text on the secondary colour (the navigation) reaches only')]);
  });
});
