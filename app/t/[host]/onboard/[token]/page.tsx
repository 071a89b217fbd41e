import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HostedMessage, HostedShell } from '@/components/onboarding/hosted-shell';
import { RegistrationWizard } from '@/components/onboarding/registration-wizard';
import { SandboxHints } from '@/components/onboarding/sandbox-hints';
import { buttonClasses } from '@/components/ui/button';
import { currentTenant } from '@/lib/auth/session';
import { linkAcceptsSteps, openOnboardingLink } from '@/lib/onboarding/onboarding-links';
import { sandboxOtp } from '@/lib/onboarding/otp';
import { registrationView } from '@/lib/onboarding/requirements';
import {
  acceptAction,
  gstAction,
  registerAction,
  resendOtpAction,
  sendAadhaarOtpAction,
  verifyAadhaarOtpAction,
  verifyOtpAction,
  verifyPanAction,
} from './actions';

const actions = {
  register: registerAction,
  verifyOtp: verifyOtpAction,
  resendOtp: resendOtpAction,
  verifyPan: verifyPanAction,
  sendAadhaarOtp: sendAadhaarOtpAction,
  verifyAadhaarOtp: verifyAadhaarOtpAction,
  gst: gstAction,
  accept: acceptAction,
};

// The token in the address is a credential: it must not travel to other sites in a Referer header.
export const metadata: Metadata = { title: 'Open your account', referrer: 'no-referrer' };

const closedLink = {
  revoked: { title: 'This link has been withdrawn', body: 'It can no longer be used to open an account.' },
  expired: { title: 'This link has expired', body: 'Links to open an account are valid for a limited time.' },
  used: { title: 'This link has already been used', body: 'An account has already been opened with it.' },
};

/**
 * The hosted onboarding wizard on the partner's own host. The link's token in the address is the whole state:
 * each visit opens the link again and shows the step its registration has reached, so the page can be closed
 * and reopened at any time.
 */
export default async function OnboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const opened = tenant ? await openOnboardingLink(tenant.partnerId, token) : null;
  if (!tenant || !opened) notFound();
  const { brand } = tenant;
  const testMode = opened.link.partnerId !== tenant.partnerId;
  const view = opened.registration ? registrationView(opened.registration) : null;
  const ask = brand.supportEmail ? ` Ask ${brand.productName} (${brand.supportEmail}) for a new link.` : ` Ask ${brand.productName} for a new link.`;

  let content;
  if (view?.status === 'completed') {
    // A test link's client lives in the sandbox, where nobody signs in: say that, and offer no sign-in.
    content = testMode ? (
      <HostedMessage title="Test onboarding complete" testId="onboarding-finished">
        <p>This was a test run: every step is done and a test client now exists in {brand.productName}’s sandbox. Test clients cannot sign in, so there is no account to open.</p>
      </HostedMessage>
    ) : (
      <HostedMessage title="Your account is ready" testId="onboarding-finished">
        <p>Your {brand.productName} account is open. Sign in with your e-mail address and the password you chose.</p>
        <Link href="/login" className={buttonClasses({ className: 'w-full sm:w-auto' })}>
          Sign in to {brand.productName}
        </Link>
      </HostedMessage>
    );
  } else if (opened.state !== 'active' && !linkAcceptsSteps(opened)) {
    const closed = closedLink[opened.state];
    content = (
      <HostedMessage title={closed.title} testId="onboarding-link-closed">
        <p>
          {closed.body}
          {ask}
        </p>
      </HostedMessage>
    );
  } else if (view && view.status !== 'pending') {
    content = (
      <HostedMessage title={view.status === 'cancelled' ? 'This registration was cancelled' : 'This registration has expired'} testId="onboarding-link-closed">
        <p>It can no longer be completed.{ask}</p>
      </HostedMessage>
    );
  } else {
        content = (
      <RegistrationWizard
        view={view}
        actions={actions}
        hidden={{ token }}
        audience="self"
        productName={brand.productName}
        prefill={opened.link.prefill}
        headingLevel="h1"
        aside={testMode ? <SandboxHints otp={sandboxOtp} /> : null}
      />
    );
  }
  return (
    <HostedShell brand={brand} testMode={testMode}>
      {content}
    </HostedShell>
  );
}
