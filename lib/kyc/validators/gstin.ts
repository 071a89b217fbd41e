import { invalidBecause, valid, type Validation } from './result';

/** GST state and union-territory codes (the GSTIN's first two digits). */
export const gstStateCodes: Record<string, string> = {
  '01': 'Jammu and Kashmir', '02': 'Himachal Pradesh', '03': 'Punjab', '04': 'Chandigarh', '05': 'Uttarakhand', '06': 'Haryana',
  '07': 'Delhi', '08': 'Rajasthan', '09': 'Uttar Pradesh', '10': 'Bihar', '11': 'Sikkim', '12': 'Arunachal Pradesh', '13': 'Nagaland',
  '14': 'Manipur', '15': 'Mizoram', '16': 'Tripura', '17': 'Meghalaya', '18': 'Assam', '19': 'West Bengal', '20': 'Jharkhand',
  '21': 'Odisha', '22': 'Chhattisgarh', '23': 'Madhya Pradesh', '24': 'Gujarat', '25': 'Daman and Diu', '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra', '28': 'Andhra Pradesh (before 2014)', '29': 'Karnataka', '30': 'Goa', '31': 'Lakshadweep', '32': 'Kerala',
  '33': 'Tamil Nadu', '34': 'Puducherry', '35': 'Andaman and Nicobar Islands', '36': 'Telangana', '37': 'Andhra Pradesh', '38': 'Ladakh',
  '97': 'Other Territory', '99': 'Centre Jurisdiction',
};

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The GSTIN check character: a mod-36 checksum over the first 14 characters, weights alternating 1 and 2. */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  [...first14].forEach((char, i) => {
    const product = alphabet.indexOf(char) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  });
  return alphabet[(36 - (sum % 36)) % 36]!;
}

/** A GSTIN that passes every check below, for hints and messages (a test keeps it valid). */
export const exampleGstin = '27ABCPE1234F1ZB';

/**
 * GSTIN: state code (2 digits), the holder's PAN (10), entity number (1–9, A–Z), `Z`, check character. When
 * the client's PAN is already verified, the PAN inside must be that one.
 */
export function validateGstin(input: string, verifiedPan?: string): Validation {
  const gstin = input.trim().toUpperCase();
  if (gstin.length !== 15) return invalidBecause(`A GSTIN has 15 characters; this one has ${gstin.length}.`);
  if (!/^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(gstin)) {
    return invalidBecause(`A GSTIN is a 2-digit state code, a PAN, an entity number, the letter Z and a check character, like ${exampleGstin}.`);
  }
  const state = gstin.slice(0, 2);
  if (!gstStateCodes[state]) return invalidBecause(`“${state}” is not a GST state code.`);
  const pan = gstin.slice(2, 12);
  if (verifiedPan && pan !== verifiedPan.toUpperCase()) return invalidBecause('The PAN inside this GSTIN is not the PAN you verified; a GSTIN must belong to the same business.');
  const expected = gstinCheckCharacter(gstin.slice(0, 14));
  if (gstin[14] !== expected) return invalidBecause('This GSTIN’s check character is wrong. Check for a typo.');
  return valid(gstin);
}
