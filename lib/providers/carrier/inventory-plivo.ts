import type { CarrierNumber, CarrierNumberType, CarrierSearch, InventoryCarrier, ProvisionRequest, ProvisionResult, ReleaseRequest } from './carrier-provider';
import { indiaCircles } from './india-circles';
import { matchesPattern, nationalDigits } from './inventory-simulator';

/**
 * Plivo's number API (https://www.plivo.com/docs/numbers/phone-numbers): search `GET PhoneNumber/`, buy
 * `POST PhoneNumber/{number}/`, unrent `DELETE Number/{number}/`, each under `/v1/Account/{auth_id}/` with
 * HTTP Basic auth. Plivo filters by prefix only (`pattern`: numbers starting with the country code and the
 * pattern), so "contains" and "ends with" are applied here to a few pages of its answers, and a circle is
 * searched by its STD codes. Verified only against the local fake in inventory-plivo.test.ts, which follows
 * Plivo's documented requests and responses; not against Plivo itself.
 */
export type PlivoOptions = { authId: string; authToken: string; baseUrl: string; fetch?: typeof fetch; timeoutMs?: number };

type PlivoSearchObject = { number: string; prefix?: string; type?: string; sub_type?: string; region?: string; country?: string };
type PlivoSearchAnswer = { objects?: PlivoSearchObject[]; meta?: { next?: string | null } };
type PlivoBuyAnswer = { status?: string; message?: string; numbers?: { number: string; status: string }[]; error?: string };

const plivoType: Record<CarrierNumberType, string> = { local: 'local', mobile: 'mobile', toll_free: 'tollfree' };
const pageSize = 20;
/** How many pages a "contains" or "ends with" search reads before giving what it found. */
const filteredPages = 5;

/** The circle a number belongs to: the one whose STD code or mobile series starts it (longest match wins). */
function circleOf(national: string): string | null {
  let best: { code: string; length: number } | null = null;
  for (const circle of indiaCircles) {
    for (const prefix of [...circle.std, ...circle.mobile]) if (national.startsWith(prefix) && (!best || prefix.length > best.length)) best = { code: circle.code, length: prefix.length };
  }
  return best?.code ?? null;
}

function typeOf(object: PlivoSearchObject, asked: CarrierNumberType | undefined): CarrierNumberType {
  if (object.type === 'tollfree') return 'toll_free';
  if (object.type === 'mobile') return 'mobile';
  return asked === 'toll_free' || asked === 'mobile' ? asked : 'local';
}

export class PlivoInventory implements InventoryCarrier {
  readonly name = 'plivo';
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PlivoOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  private url(path: string, query?: Record<string, string>) {
    const url = new URL(`/v1/Account/${encodeURIComponent(this.options.authId)}/${path}`, this.options.baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    return url;
  }

  private async call(method: string, url: URL, body?: unknown) {
    const response = await this.fetchImpl(url, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${this.options.authId}:${this.options.authToken}`).toString('base64')}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  async regions(country: string) {
    return country === 'IN' ? indiaCircles.map((circle) => ({ code: circle.code, name: circle.name })) : [];
  }

  async search(request: CarrierSearch): Promise<CarrierNumber[]> {
    const circle = request.region ? indiaCircles.find((c) => c.code === request.region) : undefined;
    if (request.region && !circle) return [];
    const prefixed = request.mode === 'starts_with' && request.pattern ? request.pattern : undefined;
    // A circle is its STD codes (landlines) or mobile series; a starts-with pattern narrows within them.
    const circlePrefixes = circle ? (request.type === 'mobile' ? circle.mobile : request.type === 'toll_free' ? [''] : circle.std) : [''];
    const prefixes = circlePrefixes
      .map((p) => (prefixed ? (prefixed.startsWith(p) ? prefixed : p.startsWith(prefixed) ? p : null) : p))
      .filter((p): p is string => p !== null);
    const found = new Map<string, CarrierNumber>();
    for (const prefix of [...new Set(prefixes)]) {
      const pages = request.pattern && request.mode !== 'starts_with' ? filteredPages : 1;
      for (let page = 0; page < pages && found.size < request.limit; page++) {
        const query: Record<string, string> = { country_iso: request.country, limit: String(pageSize), offset: String(page * pageSize) };
        if (request.type) query.type = plivoType[request.type];
        if (prefix) query.pattern = prefix;
        const { status, json } = await this.call('GET', this.url('PhoneNumber/', query));
        if (status !== 200) throw new Error(`Plivo number search answered ${status}.`);
        const answer = json as PlivoSearchAnswer;
        for (const object of answer.objects ?? []) {
          const national = request.country === 'IN' && object.number.startsWith('91') ? object.number.slice(2) : object.number;
          if (!matchesPattern(national, request.pattern, request.mode)) continue;
          const e164 = `+${object.number}`;
          found.set(e164, { e164, country: request.country, region: circle?.code ?? circleOf(national) ?? request.country, type: typeOf(object, request.type) });
        }
        if (!answer.meta?.next) break;
      }
    }
    return [...found.values()].slice(0, request.limit);
  }

  async provision({ e164 }: ProvisionRequest): Promise<ProvisionResult> {
    const number = e164.replace(/^\+/, '');
    const { status, json } = await this.call('POST', this.url(`PhoneNumber/${number}/`), {});
    const answer = (json ?? {}) as PlivoBuyAnswer;
    if (status === 201 || status === 200) {
      if (answer.status === 'fulfilled') return { status: 'active', carrierRef: number };
      // Numbers that need verification are accepted as `pending` and added to the account once approved.
      if (answer.status === 'pending') return { status: 'pending', carrierRef: number, retryAfterMs: 60_000 };
      return { status: 'failed', reason: answer.message ?? 'Plivo did not fulfil the order.' };
    }
    // 404: no such number for sale any more (someone else rented it).
    if (status === 404) return { status: 'taken', reason: answer.error ?? 'The number is no longer available.' };
    if (status >= 400 && status < 500) return { status: 'failed', reason: answer.error ?? `Plivo refused the order (${status}).` };
    // 5xx: the outcome is unknown; the caller keeps the purchase open and asks again.
    throw new Error(`Plivo answered ${status} to a number order.`);
  }

  async provisioningStatus({ carrierRef }: { e164: string; carrierRef: string; reference: string }): Promise<ProvisionResult> {
    const { status } = await this.call('GET', this.url(`Number/${carrierRef}/`));
    if (status === 200) return { status: 'active', carrierRef };
    if (status === 404) return { status: 'pending', carrierRef, retryAfterMs: 60_000 };
    throw new Error(`Plivo answered ${status} to a number look-up.`);
  }

  async release({ e164, carrierRef }: ReleaseRequest) {
    const number = carrierRef ?? nationalDigits(e164);
    const { status, json } = await this.call('DELETE', this.url(`Number/${number.replace(/^\+/, '')}/`));
    if (status === 204 || status === 200 || status === 404) return { status: 'released' as const };
    return { status: 'failed' as const, reason: (json as { error?: string } | null)?.error ?? `Plivo answered ${status}.` };
  }
}
