import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './contrast';

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
