import { createHash } from 'node:crypto';
import type { CarrierNumber, CarrierNumberType, CarrierSearch, InventoryCarrier, ProvisionRequest, ProvisionResult, ReleaseRequest } from './carrier-provider';
import { circleByCode, indiaCircles, type Circle } from './india-circles';

/**
 * A deterministic stand-in for a carrier's number inventory: the embedded default, always used by sandboxes
 * and tests. Its inventory is generated from a fixed seed (India's 22 circles, each with landline numbers in
 * its STD areas, mobile numbers in its series and toll-free numbers), so the same search always answers the
 * same. Outcomes depend only on the number, so each case can be reached on purpose; these magic values are
 * published in the API reference (see `carrierSimulatorRules`).
 */
export const carrierSimulatorRules = {
  provisioning: [
    { when: 'the number ends in 1111', outcome: 'taken: another buyer rented it between your search and your purchase; nothing is charged' },
    { when: 'the number ends in 2222', outcome: 'failed: the carrier refuses to provision it; the wallet hold is voided and nothing is charged' },
    { when: 'the number ends in 3333', outcome: 'slow: provisioning completes on its own 30 seconds later; the charge is posted then' },
    { when: 'any other number', outcome: 'provisioned at once' },
  ],
  inventory: [
    { when: 'local (landline)', outcome: '+91, the circle’s STD code, then a subscriber number starting with 4 or 6 (e.g. +91 11 4310 4501 in Delhi)' },
    { when: 'mobile', outcome: '+91 and a ten-digit number in one of the circle’s mobile series (e.g. +91 98100 12345 in Delhi)' },
    { when: 'toll-free', outcome: '+91 1800 and seven digits; toll-free numbers are national, filed under the circle whose switch serves them' },
    { when: 'every circle and type', outcome: 'includes one number ending in each of 1111, 2222 and 3333' },
  ],
} as const;

/** How long a slow (…3333) provisioning takes. */
export const slowProvisioningMs = 30_000;

const magicEndings = ['1111', '2222', '3333'] as const;

/** A small seeded generator (mulberry32): the same seed gives the same numbers on every machine. */
function seeded(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digitsOf = (random: () => number, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

/** `count` distinct national numbers of `length` digits after `prefix`, plus one ending in each magic value. */
function series(seed: string, prefix: string, length: number, count: number): string[] {
  const random = seeded(seed);
  const free = length - prefix.length;
  const found = new Set<string>(magicEndings.map((ending, i) => `${prefix}${free > 4 ? String(i + 1).padStart(free - 4, '0') : ''}${ending}`));
  while (found.size < count + magicEndings.length) {
    const number = `${prefix}${digitsOf(random, free)}`;
    if (!magicEndings.some((ending) => number.endsWith(ending))) found.add(number);
  }
  return [...found];
}

const perStdCode = 30;
const perMobileSeries = 10;
const tollFreePerCircle = 10;

function circleInventory(circle: Circle): CarrierNumber[] {
  const numbers: CarrierNumber[] = [];
  const add = (national: string, type: CarrierNumberType) => numbers.push({ e164: `+91${national}`, country: 'IN', region: circle.code, type });
  for (const std of circle.std) {
    // Direct-inward-dialling blocks start with 4 or 6 after the STD code.
    for (const lead of ['4', '6']) for (const national of series(`IN:${circle.code}:local:${std}:${lead}`, `${std}${lead}`, 10, perStdCode / 2)) add(national, 'local');
  }
  for (const prefix of circle.mobile) for (const national of series(`IN:${circle.code}:mobile:${prefix}`, prefix, 10, perMobileSeries)) add(national, 'mobile');
  const tollFreeBlock = String(100 + ((circle.id * 37) % 900)).padStart(3, '0');
  for (const national of series(`IN:${circle.code}:toll_free`, `1800${tollFreeBlock}`, 11, tollFreePerCircle)) add(national, 'toll_free');
  // The magic numbers are distinct per series but could repeat across a circle's series: keep the first.
  const seen = new Set<string>();
  return numbers.filter((n) => (seen.has(n.e164) ? false : (seen.add(n.e164), true)));
}

let inventory: CarrierNumber[] | null = null;

/** The simulator's whole inventory, sorted by number (about 2,400 numbers). */
export function simulatedInventory(): CarrierNumber[] {
  inventory ??= indiaCircles.flatMap(circleInventory).sort((a, b) => (a.e164 < b.e164 ? -1 : 1));
  return inventory;
}

/** The national significant number: what the pattern modes match. */
export const nationalDigits = (e164: string) => (e164.startsWith('+91') ? e164.slice(3) : e164.replace(/^\+/, ''));

export function matchesPattern(digits: string, pattern: string | undefined, mode: CarrierSearch['mode'] = 'contains') {
  if (!pattern) return true;
  if (mode === 'starts_with') return digits.startsWith(pattern);
  if (mode === 'ends_with') return digits.endsWith(pattern);
  return digits.includes(pattern);
}

export class InventorySimulator implements InventoryCarrier {
  readonly name = 'simulator';

  async regions(country: string) {
    return country === 'IN' ? indiaCircles.map((circle) => ({ code: circle.code, name: circle.name })) : [];
  }

  /** The whole inventory at once: a platform may copy it rather than search it page by page. */
  catalogue(): CarrierNumber[] {
    return simulatedInventory();
  }

  async search(request: CarrierSearch) {
    if (request.region && !circleByCode.has(request.region)) return [];
    return simulatedInventory()
      .filter((n) => n.country === request.country && (!request.region || n.region === request.region) && (!request.type || n.type === request.type) && matchesPattern(nationalDigits(n.e164), request.pattern, request.mode))
      .slice(0, request.limit);
  }

  async provision({ e164 }: ProvisionRequest): Promise<ProvisionResult> {
    if (e164.endsWith('1111')) return { status: 'taken', reason: 'Another buyer rented this number after it was found.' };
    if (e164.endsWith('2222')) return { status: 'failed', reason: 'The carrier could not provision this number.' };
    // The start time rides in the reference, so a later status check needs no memory of its own.
    if (e164.endsWith('3333')) return { status: 'pending', carrierRef: `sim:${nationalDigits(e164)}:${Date.now()}`, retryAfterMs: slowProvisioningMs };
    return { status: 'active', carrierRef: `sim:${nationalDigits(e164)}` };
  }

  async provisioningStatus({ carrierRef }: { e164: string; carrierRef: string; reference: string }): Promise<ProvisionResult> {
    const started = Number(carrierRef.split(':')[2]);
    if (!Number.isFinite(started)) return { status: 'active', carrierRef };
    const left = started + slowProvisioningMs - Date.now();
    return left > 0 ? { status: 'pending', carrierRef, retryAfterMs: left } : { status: 'active', carrierRef };
  }

  async release(_request: ReleaseRequest) {
    return { status: 'released' as const };
  }
}
