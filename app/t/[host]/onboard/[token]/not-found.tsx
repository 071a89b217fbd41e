import { HostedMessage, HostedShell } from '@/components/onboarding/hosted-shell';
import { currentTenant } from '@/lib/auth/session';

/** A token no link of this partner has: said in the partner's brand, without hinting whether it ever existed. */
export default async function OnboardingLinkNotFound() {
  const tenant = await currentTenant();
  if (!tenant) return null;
  return (
    <HostedShell brand={tenant.brand}>
      <HostedMessage title="This link is not valid" testId="onboarding-link-unknown">
        <p>Check that you opened the whole address from your invitation, or ask {tenant.brand.productName} for a new link.</p>
      </HostedMessage>
    </HostedShell>
  );
}
