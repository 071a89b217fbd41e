import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveConnect } from '@/components/channels/live-connect';
import { HostedMessage, HostedShell } from '@/components/onboarding/hosted-shell';
import { currentTenant } from '@/lib/auth/session';
import { openConnectLink } from '@/lib/channels/connect-links';
import { hostedPairingCodeAction, hostedSimulateScanAction } from './actions';

// The token in the address is a credential: it must not travel to other sites in a Referer header.
export const metadata: Metadata = { title: 'Connect your WhatsApp', referrer: 'no-referrer' };

/**
 * The hosted connect page on the partner's own host, in its brand: the client scans the QR code (which follows
 * the rotation live) or asks for a pairing code. A forged, expired or foreign link is the neutral 404.
 */
export default async function ConnectPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const opened = tenant ? await openConnectLink(tenant.partnerId, token) : null;
  if (!tenant || !opened) notFound();
  const testMode = opened.partnerId !== tenant.partnerId;
  const { channel } = opened;
  return (
    <HostedShell brand={tenant.brand} testMode={testMode}>
      <HostedMessage title={`Connect WhatsApp to ${tenant.brand.productName}`}>
        <p>
          {channel.name}: open WhatsApp on the phone you want to use, go to <strong>Linked devices</strong> and scan the code below.
        </p>
        <div className="text-left">
          <LiveConnect streamUrl={`/connect/${encodeURIComponent(token)}/live`} initial={channel} pairingAction={hostedPairingCodeAction} simulateAction={channel.simulated ? hostedSimulateScanAction : null} hiddenFields={{ token }} />
        </div>
      </HostedMessage>
    </HostedShell>
  );
}
