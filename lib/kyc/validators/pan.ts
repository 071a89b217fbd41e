import { invalidBecause, valid, type Validation } from './result';

/**
 * Business types a client can register as, and the PAN holder-type letter (the PAN's 4th character) the
 * Income Tax Department issues for each. A PAN of the wrong type for the business is refused before any
 * provider is asked.
 */
export const businessTypes = {
  individual: { label: 'Individual', panType: 'P' },
  proprietorship: { label: 'Sole proprietorship', panType: 'P' },
  company: { label: 'Company', panType: 'C' },
  huf: { label: 'Hindu Undivided Family (HUF)', panType: 'H' },
  partnership_firm: { label: 'Partnership firm', panType: 'F' },
  llp: { label: 'Limited Liability Partnership', panType: 'F' },
  aop: { label: 'Association of Persons (AOP)', panType: 'A' },
  trust: { label: 'Trust', panType: 'T' },
  boi: { label: 'Body of Individuals (BOI)', panType: 'B' },
  local_authority: { label: 'Local authority', panType: 'L' },
  artificial_juridical_person: { label: 'Artificial juridical person', panType: 'J' },
  government: { label: 'Government', panType: 'G' },
} as const;

export type BusinessType = keyof typeof businessTypes;

const panTypeNames: Record<string, string> = {
  P: 'an individual or proprietor',
  C: 'a company',
  H: 'a HUF',
  F: 'a firm or LLP',
  A: 'an AOP',
  T: 'a trust',
  B: 'a BOI',
  L: 'a local authority',
  J: 'an artificial juridical person',
  G: 'a government body',
};

/** PAN: five letters, four digits, one letter (AAAPL1234C); the 4th letter is the holder type. */
export function validatePan(input: string, businessType?: BusinessType): Validation {
  const pan = input.trim().toUpperCase();
  if (pan.length !== 10) return invalidBecause(`A PAN has 10 characters; this one has ${pan.length}.`);
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(pan)) return invalidBecause('A PAN is five letters, four digits and a letter, like ABCPE1234F.');
  const holderType = pan[3]!;
  if (!panTypeNames[holderType]) return invalidBecause(`The 4th character “${holderType}” is not a PAN holder type (it must be one of ${Object.keys(panTypeNames).join(', ')}).`);
  if (businessType) {
    const expected = businessTypes[businessType].panType;
    if (holderType !== expected) {
      return invalidBecause(`This PAN belongs to ${panTypeNames[holderType]} (4th character “${holderType}”), but a ${businessTypes[businessType].label.toLowerCase()} needs a PAN with “${expected}” there.`);
    }
  }
  return valid(pan);
}
