import { invalidBecause, valid, type Validation } from './result';

// Verhoeff's dihedral-group tables: the check-digit scheme UIDAI uses for Aadhaar numbers.
const multiplication = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const permutation = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** True when the last digit is the Verhoeff check digit of the others. */
export function verhoeffValid(digits: string): boolean {
  let check = 0;
  [...digits].reverse().forEach((digit, i) => {
    check = multiplication[check]![permutation[i % 8]![Number(digit)]!]!;
  });
  return check === 0;
}

/** The digit to append to `digits` so the whole passes the Verhoeff check (used to make test numbers). */
export function verhoeffCheckDigit(digits: string): string {
  let check = 0;
  [...digits].reverse().forEach((digit, i) => {
    check = multiplication[check]![permutation[(i + 1) % 8]![Number(digit)]!]!;
  });
  return String(inverse[check]);
}

/**
 * Aadhaar: 12 digits (spaces and hyphens allowed in input), not starting with 0 or 1, with a valid Verhoeff
 * check digit. The reasons never repeat the number: it must not reach logs or error messages.
 */
export function validateAadhaar(input: string): Validation {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return invalidBecause('An Aadhaar number has digits only.');
  if (digits.length !== 12) return invalidBecause(`An Aadhaar number has 12 digits; this one has ${digits.length}.`);
  if (digits[0] === '0' || digits[0] === '1') return invalidBecause('An Aadhaar number never starts with 0 or 1.');
  if (!verhoeffValid(digits)) return invalidBecause('This is not a valid Aadhaar number: its check digit is wrong. Check for a typo.');
  return valid(digits);
}

/** The only part of an Aadhaar number that is ever kept or shown. */
export function maskAadhaar(lastFour: string): string {
  return `XXXX XXXX ${lastFour}`;
}
