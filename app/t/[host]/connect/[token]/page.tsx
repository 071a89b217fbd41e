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
          {channel.connection !== 'connected' ? (
            <>
              {/* Without scripts the live code cannot follow the rotation: the current code as an image, reloaded by hand. */}
              <noscript>
                {/* eslint-disable-next-line @next/next/no-img-element -- a code drawn per request; nothing to optimise */}
                <img src={`/connect/${encodeURIComponent(token)}/qr.png`} alt="QR code to scan with WhatsApp on the phone" width={264} height={264} className="mx-auto rounded border border-slate-200" />
                <p className="text-center text-sm text-slate-600">Each code works for a short while: reload the page for a new one.</p>
              </noscript>
              <p className="mt-3 text-center text-sm">
                <a href={`/connect/${encodeURIComponent(token)}/qr.png`} target="_blank" rel="noreferrer" className="text-slate-700 underline" data-testid="qr-png-link">
                  Open the current code as an image
                </a>
              </p>
            </>
          ) : null}
        </div>
      </HostedMessage>
    </HostedShell>
  );
}
