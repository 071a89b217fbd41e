import { CloudApiError, phoneNumberFields, reasonForMetaError, worstLevel, type HealthEntity, type HealthLevel, type PhoneNumberInfo, type TokenInfo, type WhatsappCloudProvider } from './cloud-api-provider';

export type GraphAdapterOptions = {
  /** https://graph.facebook.com in production; a local fake in tests. */
  baseUrl: string;
  /** The Graph API version, such as v26.0 (configuration: Meta retires each version about two years on). */
  version: string;
  /** `{app-id}|{app-secret}`: the app access token debug_token is asked with. Without it, the token inspects itself. */
  appAccessToken?: string;
  timeoutMs?: number;
};

type GraphError = { message?: string; code?: number; error_subcode?: number; subcode?: number };

const asString = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const asLevel = (value: unknown): HealthLevel | null => (value === 'AVAILABLE' || value === 'LIMITED' || value === 'BLOCKED' ? value : null);

/**
 * Meta's Graph API over HTTPS. Tokens go in the Authorization header (never in a URL that a proxy or log could
 * keep), except debug_token's `input_token`, which Meta only takes as a query parameter; nothing here logs.
 */
export class GraphAdapter implements WhatsappCloudProvider {
  readonly name = 'graph';

  constructor(private readonly options: GraphAdapterOptions) {}

  private url(path: string, query: Record<string, string>): string {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}/${this.options.version}/${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  private async get(url: string, bearer: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000), redirect: 'error' });
    } catch {
      throw new CloudApiError('provider_unreachable');
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    const error = body?.error as GraphError | undefined;
    if (error && typeof error.code === 'number') throw new CloudApiError(reasonForMetaError(error.code, error.error_subcode ?? null), error.code, error.error_subcode ?? null);
    if (!response.ok || !body) throw new CloudApiError(response.status >= 500 ? 'provider_unreachable' : 'provider_error');
    return body;
  }

  async readPhoneNumber(phoneNumberId: string, accessToken: string): Promise<PhoneNumberInfo> {
    const body = await this.get(this.url(encodeURIComponent(phoneNumberId), { fields: phoneNumberFields.join(',') }), accessToken);
    const health = (body.health_status ?? {}) as { can_send_message?: unknown; entities?: unknown };
    const entities: HealthEntity[] = (Array.isArray(health.entities) ? health.entities : []).map((raw: Record<string, unknown>) => ({
      entityType: asString(raw.entity_type) ?? 'UNKNOWN',
      id: asString(raw.id),
      canSendMessage: asLevel(raw.can_send_message),
      errors: (Array.isArray(raw.errors) ? raw.errors : []).map((e: Record<string, unknown>) => ({ code: typeof e.error_code === 'number' ? e.error_code : null, description: asString(e.error_description) ?? '', possibleSolution: asString(e.possible_solution) })),
    }));
    const throughput = body.throughput as { level?: unknown } | undefined;
    return {
      id: asString(body.id) ?? phoneNumberId,
      displayPhoneNumber: asString(body.display_phone_number) ?? '',
      verifiedName: asString(body.verified_name) ?? '',
      qualityRating: asString(body.quality_rating),
      nameStatus: asString(body.name_status),
      platformType: asString(body.platform_type),
      throughputLevel: asString(throughput?.level),
      status: asString(body.status),
      messagingLimitTier: asString(body.messaging_limit_tier),
      accountMode: asString(body.account_mode),
      codeVerificationStatus: asString(body.code_verification_status),
      canSendMessage: asLevel(health.can_send_message) ?? worstLevel(entities.map((entity) => entity.canSendMessage)),
      entities,
      wabaId: entities.find((entity) => entity.entityType === 'WABA')?.id ?? null,
    };
  }

  async debugToken(accessToken: string): Promise<TokenInfo> {
    const body = await this.get(this.url('debug_token', { input_token: accessToken }), this.options.appAccessToken ?? accessToken);
    const data = (body.data ?? {}) as Record<string, unknown>;
    const expires = typeof data.expires_at === 'number' ? data.expires_at : 0;
    const granular = Array.isArray(data.granular_scopes) ? (data.granular_scopes as { scope?: unknown; target_ids?: unknown }[]) : [];
    const whatsappScopes = granular.filter((entry) => typeof entry.scope === 'string' && entry.scope.startsWith('whatsapp_business_'));
    // A scope listed without target ids reaches every account the token's user can; with them, only those.
    const unrestricted = whatsappScopes.length === 0 || whatsappScopes.some((entry) => !Array.isArray(entry.target_ids));
    const error = data.error as GraphError | undefined;
    return {
      isValid: data.is_valid === true,
      expiresAt: expires > 0 ? new Date(expires * 1000) : null,
      scopes: Array.isArray(data.scopes) ? data.scopes.filter((scope): scope is string => typeof scope === 'string') : [],
      wabaIds: unrestricted ? null : [...new Set(whatsappScopes.flatMap((entry) => (entry.target_ids as unknown[]).map(String)))],
      error: error && typeof error.code === 'number' ? { code: error.code, subcode: error.subcode ?? error.error_subcode ?? null, message: asString(error.message) ?? '' } : null,
    };
  }
}
