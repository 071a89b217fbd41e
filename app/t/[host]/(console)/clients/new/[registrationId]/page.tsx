import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/console/action-form';
import { RegistrationWizard } from '@/components/onboarding/registration-wizard';
import { SandboxHints } from '@/components/onboarding/sandbox-hints';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { sandboxOtp } from '@/lib/onboarding/otp';
import { getRegistration } from '@/lib/onboarding/registration-queries';
import { completeWithSimulatedKycAction } from '../actions';
import { consoleWizardActions } from '../wizard-actions';

export const metadata: Metadata = { title: 'New client' };

async function registrationOrNotFound(...args: Parameters<typeof getRegistration>) {
  try {
    return await getRegistration(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

/**
 * The console wizard after its first step, and where Pending registrations resume one. The step shown is worked
 * out from the registration on every visit. A registration of the other environment is not found here.
 */
export default async function RegistrationStepsPage({ params }: { params: Promise<{ registrationId: string }> }) {
  const { registrationId } = await params;
  const { dataCtx, environment, tenant } = await requireConsoleSession();
  const view = await registrationOrNotFound(dataCtx, registrationId);
  const test = environment === 'test';

  if (view.status === 'completed') {
    return (
      <div className="max-w-2xl">
        <PageHeader
          title="Client created"
          description={test ? `${view.name} is a test client in your sandbox.` : `${view.name} can now sign in to ${tenant.brand.productName} with their e-mail address and password.`}
        />
        <Card>
          <div className="flex flex-wrap gap-3">
            <Link href={`/clients/${view.client_id}`} className={buttonClasses()}>
              Open the client
            </Link>
            <Link href="/clients/new" className={buttonClasses({ variant: 'secondary' })}>
              Add another client
            </Link>
          </div>
        </Card>
      </div>
    );
  }
  if (view.status !== 'pending') {
    return (
      <div className="max-w-2xl">
        <PageHeader title={view.status === 'cancelled' ? 'Registration cancelled' : 'Registration expired'} description={`${view.name}'s registration can no longer be completed.`} />
        <Link href="/clients/new" className={buttonClasses()}>
          Start a new registration
        </Link>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PageHeader title="New client" description={`${view.name} · ${view.email}`} />
      <RegistrationWizard
        view={view}
        actions={consoleWizardActions}
        hidden={{ registration_id: view.id }}
        audience="staff"
        productName={tenant.brand.productName}
        headingLevel="h2"
        aside={
          test ? (
            <SandboxHints otp={sandboxOtp}>
              <ActionForm action={completeWithSimulatedKycAction} toastSuccess={false} className="flex flex-wrap items-center gap-3 border-t border-amber-200 pt-3">
                <input type="hidden" name="registration_id" value={view.id} />
                <SubmitButton variant="secondary" pendingLabel="Completing…">
                  Complete with simulated KYC
                </SubmitButton>
                <span>Skips the remaining steps with simulated checks and accepts.</span>
              </ActionForm>
            </SandboxHints>
          ) : null
        }
      />
    </div>
  );
}
