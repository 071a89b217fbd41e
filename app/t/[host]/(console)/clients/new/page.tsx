import type { Metadata } from 'next';
import { RegistrationWizard } from '@/components/onboarding/registration-wizard';
import { SandboxHints } from '@/components/onboarding/sandbox-hints';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { sandboxOtp } from '@/lib/onboarding/otp';
import { consoleWizardActions } from './wizard-actions';

export const metadata: Metadata = { title: 'New client' };

/** Starts a client's registration from the console; the steps after this one run at /clients/new/<id>. */
export default async function NewClientPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { environment, tenant } = await requireConsoleSession();
  // A pending client's page starts the wizard with what is known of the client already.
  const query = await searchParams;
  const known = (key: string) => (typeof query[key] === 'string' ? query[key].slice(0, 200) : undefined);
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="New client"
        description={environment === 'test' ? 'A test client in your sandbox: fixed codes, simulated KYC.' : 'Register a client and take them through KYC. They sign in with the e-mail and password given here.'}
      />
      <RegistrationWizard
        view={null}
        actions={consoleWizardActions}
        hidden={{}}
        audience="staff"
        prefill={{ name: known('name'), email: known('email') }}
        productName={tenant.brand.productName}
        headingLevel="h2"
        aside={environment === 'test' ? <SandboxHints otp={sandboxOtp} /> : null}
      />
    </div>
  );
}
