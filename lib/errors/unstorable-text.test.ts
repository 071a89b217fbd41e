import { describe, expect, it } from 'vitest';
import { assertStorableText, findUnstorableText, storableText } from './unstorable-text';

describe('text the database cannot store', () => {
  it('finds NUL and lone surrogates anywhere in a decoded value, keys included, and names the path', () => {
    expect(findUnstorableText({ name: 'a\u0000b' })).toEqual({ path: ['name'], message: 'This value must not contain a NUL character (U+0000).' });
    expect(findUnstorableText({ address: { lines: ['ok', '\ud800'] } })?.path).toEqual(['address', 'lines', '1']);
    expect(findUnstorableText({ a: 'x\udc00' })?.path).toEqual(['a']);
    expect(findUnstorableText({ 'bad\u0000key': 1 })?.path).toEqual(['bad\u0000key']);
    expect(findUnstorableText('\u0000')).toEqual({ path: [], message: expect.stringContaining('NUL') });
  });

  it('accepts paired surrogates (emoji), other control characters and non-strings', () => {
    expect(findUnstorableText({ name: 'Ravi 😀 \t\n', n: 1, ok: true, none: null, list: [{ x: 'é' }] })).toBeNull();
  });

  it('walks bodies nested deeper than the call stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toHaveLength(100_000);
  });

  it('refuses as validation_failed on the field, under its prefix', () => {
    expect(() => assertStorableText({ search: 'x\u0000' }, 'query')).toThrow(expect.objectContaining({ code: 'validation_failed', fieldErrors: { 'query.search': expect.stringContaining('NUL') } }));
    expect(() => assertStorableText({ ok: 'fine' })).not.toThrow();
  });

  it('can drop what it refuses instead', () => {
    expect(storableText('a\u0000b\ud800c😀')).toBe('abc😀');
  });
});
