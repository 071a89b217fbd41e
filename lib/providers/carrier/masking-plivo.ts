import type { MaskingCarrier, MaskingSessionChange, MaskingSessionRequest, MaskingSessionResult } from './carrier-provider';
import type { PlivoOptions } from './inventory-plivo';

/**
 * Plivo's masking sessions (https://www.plivo.com/docs/number-masking/api/session): create
 * `POST Masking/Session/`, update `POST Masking/Session/{session_uuid}/`, delete
 * `DELETE Masking/Session/{session_uuid}/`, under `/v1/Account/{auth_id}/` with HTTP Basic auth and JSON bodies,
 * as Plivo's SDKs send them. Plivo picks the virtual number from the account's masking pool itself, so a
 * session is refused here when Plivo's choice is not the pool number Switchboard allocated (the allocation rule
 * is Switchboard's, and it must not be broken silently); and Plivo cannot change a session's parties, so such a
 * change is refused with the advice to cancel and create a new session. Verified only against the local fake in
 * masking-plivo.test.ts, which follows Plivo's documented requests and responses; not against Plivo itself.
 */
type PlivoSessionAnswer = { api_id?: string; session_uuid?: string; virtual_number?: string; message?: string; error?: string | Record<string, unknown> };

const digits = (e164: string) => e164.replace(/\D/g, '');

export class PlivoMasking implements MaskingCarrier {
  readonly name = 'plivo';
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PlivoOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: PlivoSessionAnswer | null }> {
    const url = new URL(`/v1/Account/${encodeURIComponent(this.options.authId)}/${path}`, this.options.baseUrl);
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
    try {
      return { status: response.status, json: text ? (JSON.parse(text) as PlivoSessionAnswer) : null };
    } catch {
      return { status: response.status, json: null };
    }
  }

  private static failure(status: number, json: PlivoSessionAnswer | null): MaskingSessionResult {
    const error = typeof json?.error === 'string' ? json.error : json?.message;
    return { status: 'failed', reason: `Plivo answered ${status}${error ? `: ${error}` : ''}.` };
  }

  async createMaskingSession(request: MaskingSessionRequest): Promise<MaskingSessionResult> {
    try {
      const { status, json } = await this.call('POST', 'Masking/Session/', {
        first_party: request.firstParty,
        second_party: request.secondParty,
        session_expiry: request.sessionExpiry,
        call_time_limit: request.callTimeLimit,
        ring_timeout: request.ringTimeout,
        record: request.record,
        initiate_call_to_first_party: request.initiateCallToFirstParty,
        callback_url: request.callbackUrl,
        callback_method: 'POST',
      });
      if (status >= 300 || !json?.session_uuid) return PlivoMasking.failure(status, json);
      if (json.virtual_number && digits(json.virtual_number) !== digits(request.virtualNumber)) {
        await this.endMaskingSession({ carrierSessionId: json.session_uuid, reference: request.reference });
        return { status: 'failed', reason: `Plivo chose the virtual number +${digits(json.virtual_number)}, not the pool number ${request.virtualNumber} allocated to this session; the session was not kept.` };
      }
      return { status: 'created', carrierSessionId: json.session_uuid };
    } catch (error) {
      return { status: 'failed', reason: `Plivo could not be reached: ${(error as Error).message}` };
    }
  }

  async updateMaskingSession(request: { carrierSessionId: string; reference: string; changes: MaskingSessionChange }): Promise<MaskingSessionResult> {
    const { firstParty, secondParty, sessionExpiry, callTimeLimit, ringTimeout, record } = request.changes;
    if (firstParty || secondParty) return { status: 'failed', reason: 'Plivo cannot change a party of a session: cancel it and create a new one.' };
    const body = { session_expiry: sessionExpiry, call_time_limit: callTimeLimit, ring_timeout: ringTimeout, record };
    try {
      const { status, json } = await this.call('POST', `Masking/Session/${encodeURIComponent(request.carrierSessionId)}/`, body);
      if (status >= 300) return PlivoMasking.failure(status, json);
      return { status: 'updated', carrierSessionId: request.carrierSessionId };
    } catch (error) {
      return { status: 'failed', reason: `Plivo could not be reached: ${(error as Error).message}` };
    }
  }

  async endMaskingSession(request: { carrierSessionId: string; reference: string }): Promise<MaskingSessionResult> {
    try {
      const { status, json } = await this.call('DELETE', `Masking/Session/${encodeURIComponent(request.carrierSessionId)}/`);
      // A session Plivo no longer has (expired on its side) is ended all the same.
      if (status >= 300 && status !== 404) return PlivoMasking.failure(status, json);
      return { status: 'ended', carrierSessionId: request.carrierSessionId };
    } catch (error) {
      return { status: 'failed', reason: `Plivo could not be reached: ${(error as Error).message}` };
    }
  }
}
