import { invalid } from '@/lib/errors/app-error';
import { assertPublicHost, systemResolver, TargetRefusedError, type Resolver } from '@/lib/webhooks/ssrf-guard';
import { allowsPrivateTargets, type PartnerKind } from '@/lib/webhooks/target-policy';

/**
 * The webhooks' SSRF rule for bot URLs: in live mode a bot's WebSocket must be wss and its API https, both on
 * public addresses. Sandboxes (and development, by WEBHOOK_ALLOW_PRIVATE_TARGETS) may use this machine.
 */
export async function assertAllowedBotUrl(field: string, url: string, kind: PartnerKind, resolve: Resolver = systemResolver): Promise<void> {
  if (allowsPrivateTargets(kind)) return;
  const parsed = new URL(url);
  const secure = field === 'wssUrl' ? 'wss:' : 'https:';
  if (parsed.protocol !== secure) throw invalid(field, `Use a ${secure}// URL.`);
  try {
    await assertPublicHost(parsed.hostname, resolve);
  } catch (error) {
    if (error instanceof TargetRefusedError) throw invalid(field, error.message);
    throw error;
  }
}
