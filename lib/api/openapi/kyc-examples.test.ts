import { describe, expect, it } from 'vitest';
import { validateAadhaar } from '@/lib/kyc/validators/aadhaar';
import { validateGstin } from '@/lib/kyc/validators/gstin';
import { businessTypes, validatePan, type BusinessType } from '@/lib/kyc/validators/pan';
import { openApiDocument } from './document';

const fields = ['pan', 'gstin', 'aadhaar_number'] as const;
type Found = { field: (typeof fields)[number]; value: string; at: string; businessType?: BusinessType };
const isField = (key: string): key is (typeof fields)[number] => (fields as readonly string[]).includes(key);

/**
 * Every example value the document gives for a PAN, GSTIN or Aadhaar field: in request and response examples
 * (`{ pan: '…' }`) and on schema properties (`properties.pan.example`). A PAN next to a business type is
 * checked against it, as the API would.
 */
function kycExamples(node: unknown, at = '#'): Found[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => kycExamples(item, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  const businessType = typeof object.business_type === 'string' && object.business_type in businessTypes ? (object.business_type as BusinessType) : undefined;
  return Object.entries(object).flatMap(([key, value]) => {
    const here = `${at}/${key}`;
    const found: Found[] = [];
    if (isField(key) && typeof value === 'string') found.push({ field: key, value, at: here, businessType });
    if (isField(key) && value && typeof value === 'object') {
      const schema = value as { example?: unknown; examples?: unknown };
      const values = [schema.example, ...(Array.isArray(schema.examples) ? schema.examples : [])].filter((v): v is string => typeof v === 'string');
      found.push(...values.map((v) => ({ field: key, value: v, at: `${here}/example` })));
    }
    return [...found, ...kycExamples(value, here)];
  });
}

const validatorFor = { pan: (v: string, type?: BusinessType) => validatePan(v, type), gstin: (v: string) => validateGstin(v), aadhaar_number: (v: string) => validateAadhaar(v) };

describe('the OpenAPI document’s KYC examples', () => {
  const examples = kycExamples(openApiDocument());

  it('include a PAN, a GSTIN and an Aadhaar number to check', () => {
    expect(new Set(examples.map((e) => e.field))).toEqual(new Set(fields));
  });

  it('each pass the validator the API itself applies, so copying one never earns a 400', () => {
    const failing = examples.flatMap(({ field, value, at, businessType }) => {
      const result = validatorFor[field](value, businessType);
      return result.ok ? [] : [`${at}: ${value} (${result.reason})`];
    });
    expect(failing).toEqual([]);
  });
});
