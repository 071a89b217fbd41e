export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** What a key's holder would see if they used it now: revoked outranks expired. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}
