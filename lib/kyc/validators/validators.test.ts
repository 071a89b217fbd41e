import { describe, expect, it } from 'vitest';
import { maskAadhaar, validateAadhaar, verhoeffCheckDigit, verhoeffValid } from './aadhaar';
import { exampleGstin, gstinCheckCharacter, validateGstin } from './gstin';
import { validatePan } from './pan';

const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? null : result.reason);

describe('PAN', () => {
  it('accepts a well-formed PAN of the right holder type, normalised to upper case', () => {
    expect(validatePan('abcpe1234f', 'individual')).toEqual({ ok: true, value: 'ABCPE1234F' });
    expect(validatePan('AAACR5055K', 'company')).toEqual({ ok: true, value: 'AAACR5055K' });
    expect(validatePan('AAAFA1234B', 'llp').ok).toBe(true);
    expect(validatePan('AAAGA1234B', 'government').ok).toBe(true);
  });

  it.each([
    ['AAAHK1234L', 'huf'],
    ['AAAAS1234M', 'aop'],
    ['AAABR1234N', 'boi'],
    ['AAALM1234P', 'local_authority'],
    ['AAAJU1234Q', 'artificial_juridical_person'],
    ['AAATC1234R', 'trust'],
    ['AAAFP1234S', 'partnership_firm'],
  ] as const)('accepts %s for a %s, whose PAN holder type it carries', (pan, businessType) => {
    expect(validatePan(pan, businessType)).toEqual({ ok: true, value: pan });
  });

  it.each([
    ['ABCPE1234', /10 characters; this one has 9/],
    ['ABC1E1234F', /five letters, four digits and a letter/],
    ['ABCDE12345', /five letters, four digits and a letter/],
    ['ABCXE1234F', /4th character “X” is not a PAN holder type/],
  ])('refuses %s with its reason', (pan, reason) => {
    expect(reasonOf(validatePan(pan))).toMatch(reason);
  });

  it('refuses a PAN whose holder type does not match the business type', () => {
    expect(reasonOf(validatePan('ABCPE1234F', 'company'))).toMatch(/belongs to an individual or proprietor.*needs a PAN with “C”/);
    expect(reasonOf(validatePan('AAACR5055K', 'proprietorship'))).toMatch(/belongs to a company.*“P”/);
    expect(reasonOf(validatePan('AAAHA1234B', 'trust'))).toMatch(/“T”/);
  });
});

describe('Aadhaar', () => {
  // 2345 6789 012x with its Verhoeff check digit computed, plus a number widely used in Verhoeff examples.
  const good = `23456789012${verhoeffCheckDigit('23456789012')}`;

  it('computes and checks Verhoeff digits (textbook example 236 → 3)', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });

  it('accepts 12 digits with a valid check digit, with spaces or hyphens', () => {
    expect(validateAadhaar(good)).toEqual({ ok: true, value: good });
    expect(validateAadhaar(`${good.slice(0, 4)} ${good.slice(4, 8)}-${good.slice(8)}`)).toEqual({ ok: true, value: good });
  });

  it.each([
    ['12345678901a', /digits only/],
    ['23456789012', /12 digits; this one has 11/],
    ['034567890123', /never starts with 0 or 1/],
    ['134567890123', /never starts with 0 or 1/],
  ])('refuses %s with its reason', (value, reason) => {
    expect(reasonOf(validateAadhaar(value))).toMatch(reason);
  });

  it('refuses a wrong check digit without repeating the number', () => {
    const wrong = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    const reason = reasonOf(validateAadhaar(wrong));
    expect(reason).toMatch(/check digit is wrong/);
    expect(reason).not.toContain(wrong);
    expect(reason).not.toContain(good.slice(0, 8));
  });

  it('masks all but the last four digits', () => {
    expect(maskAadhaar('9012')).toBe('XXXX XXXX 9012');
  });
});

describe('GSTIN', () => {
  const pan = 'ABCPE1234F';
  const first14 = `27${pan}1Z`;
  const good = `${first14}${gstinCheckCharacter(first14)}`;

  it('shows people an example that passes its own checks', () => {
    expect(validateGstin(exampleGstin)).toMatchObject({ ok: true });
  });

  it('computes the mod-36 check character (published example 27AAPFU0939F1Z → V)', () => {
    expect(gstinCheckCharacter('27AAPFU0939F1Z')).toBe('V');
    expect(validateGstin('27AAPFU0939F1ZV').ok).toBe(true);
  });

  it('accepts a valid GSTIN, normalised, when its PAN is the verified one', () => {
    expect(validateGstin(good.toLowerCase(), pan)).toEqual({ ok: true, value: good });
  });

  it.each([
    ['27ABCPE1234F1Z', /15 characters; this one has 14/],
    ['27ABCPE1234F1Y5', /2-digit state code, a PAN/],
    ['2AABCPE1234F1Z5', /2-digit state code/],
    ['27ABCPE1234F0Z5', /2-digit state code/],
    [`40${pan}1Z${gstinCheckCharacter(`40${pan}1Z`)}`, /“40” is not a GST state code/],
  ])('refuses %s with its reason', (value, reason) => {
    expect(reasonOf(validateGstin(value))).toMatch(reason);
  });

  it('refuses a GSTIN of another PAN than the verified one', () => {
    expect(reasonOf(validateGstin(good, 'AAACR5055K'))).toMatch(/not the PAN you verified/);
  });

  it('refuses a wrong check character', () => {
    const wrong = `${first14}${good[14] === 'A' ? 'B' : 'A'}`;
    expect(reasonOf(validateGstin(wrong))).toMatch(/check character is wrong/);
  });
});
