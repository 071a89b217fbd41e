import type { ReactNode } from 'react';
import { Stepper } from '@/components/ui/stepper';
import type { RegistrationView } from '@/lib/onboarding/requirements';
import { AadhaarNumberForm, AadhaarOtpForm } from './aadhaar-form';
import { AcceptForm } from './accept-form';
import { GstForm } from './gst-form';
import { maskEmail, maskMobile } from './mask';
import { OtpForm } from './otp-form';
import { PanForm } from './pan-form';
import { RegisterForm, type RegisterPrefill } from './register-form';
import type { StepAction } from './step-form';
import { WaitForCheck } from './wait-for-check';
import { stepOf, wizardScreen, wizardSteps, type WizardScreen } from './wizard-steps';

export type WizardActions = {
  register: StepAction;
  verifyOtp: StepAction;
  resendOtp: StepAction;
  verifyPan: StepAction;
  sendAadhaarOtp: StepAction;
  verifyAadhaarOtp: StepAction;
  gst: StepAction;
  accept: StepAction;
};

type Props = {
  view: RegistrationView | null;
  actions: WizardActions;
  /** Fields that identify the registration to every action. */
  hidden: Record<string, string>;
  /** The prospect on a hosted link, or partner staff in the console: the words change, not the steps. */
  audience: 'self' | 'staff';
  productName: string;
  prefill?: RegisterPrefill;
  /** The step's title is the page's h1 on the hosted wizard; the console page has its own h1. */
  headingLevel: 'h1' | 'h2';
  /** Shown under the step's form, e.g. the sandbox's magic values. */
  aside?: ReactNode;
};

type Copy = { title: string; staffTitle?: string; description: string; staffDescription?: string };

const copy: Record<Exclude<WizardScreen, 'completed' | 'closed'>, Copy> = {
  register: { title: 'Open your account', staffTitle: "The client's details", description: 'Tell us who you are. We send a code to your e-mail and to your mobile to check they are yours.', staffDescription: 'Codes are sent to the e-mail address and the mobile number to check them.' },
  verify_otp: { title: 'Verify your e-mail and mobile', staffTitle: 'Verify the e-mail and mobile', description: 'Enter the 6-digit codes we just sent.', staffDescription: 'Ask the client for the 6-digit codes sent to them.' },
  verify_pan: { title: 'Your business PAN', staffTitle: 'Business PAN', description: 'The PAN of the business that will hold the account.' },
  wait_for_pan: { title: 'Checking the PAN', description: 'The Income Tax records are answering slowly. This page updates on its own; you can also close it and come back later.' },
  send_aadhaar_otp: { title: 'Verify your Aadhaar', staffTitle: 'Verify Aadhaar', description: 'We send a one-time password to the mobile number linked with your Aadhaar.', staffDescription: 'An OTP is sent to the mobile number linked with the Aadhaar; ask the client for it.' },
  verify_aadhaar_otp: { title: 'Enter the Aadhaar OTP', description: 'The 6-digit OTP was sent to the mobile number linked with the Aadhaar.' },
  verify_gst: { title: 'GST registration', description: 'A GSTIN must belong to the business whose PAN was verified.' },
  wait_for_gst: { title: 'Checking the GSTIN', description: 'The GST records are answering slowly. This page updates on its own; you can also close it and come back later.' },
  accept: { title: 'Review and sign', description: 'Check the details, then sign to open the account.' },
};

/** When a code sent with the registration may be replaced (later resends are timed by the button itself). */
function firstResendAt(view: RegistrationView): number {
  return new Date(view.created_at).getTime() + 60_000;
}

/** The registration's current step, with the progress above it: shared by the hosted and the console wizard. */
export function RegistrationWizard({ view, actions, hidden, audience, productName, prefill, headingLevel: Heading, aside }: Props) {
  const screen = wizardScreen(view);
  if (screen === 'completed' || screen === 'closed') return null;
  const staff = audience === 'staff';
  const text = copy[screen];
  const headingId = 'wizard-step-title';
  return (
    <div className="space-y-6">
      <Stepper steps={wizardSteps} current={stepOf(screen)} label="Onboarding progress" />
      <section aria-labelledby={headingId} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
        <div className="space-y-1">
          <Heading id={headingId} className="text-xl font-semibold tracking-tight text-slate-900">
            {(staff && text.staffTitle) || text.title}
          </Heading>
          <p className="text-sm text-slate-600">{(staff && text.staffDescription) || text.description}</p>
        </div>
        <Body screen={screen} view={view} actions={actions} hidden={hidden} audience={audience} productName={productName} prefill={prefill} />
      </section>
      {aside}
    </div>
  );
}

function Body({ screen, view, actions, hidden, audience, productName, prefill }: Omit<Props, 'headingLevel' | 'aside'> & { screen: WizardScreen }) {
  if (screen === 'register' || !view) {
    return <RegisterForm action={actions.register} hidden={hidden} prefill={prefill} audience={audience} submitLabel="Continue" />;
  }
  const { kyc } = view;
  switch (screen) {
    case 'verify_otp':
      return (
        <OtpForm
          action={actions.verifyOtp}
          resendAction={actions.resendOtp}
          hidden={hidden}
          email={{ verified: view.email_verified, destination: maskEmail(view.email), availableAt: firstResendAt(view) }}
          mobile={{ verified: view.mobile_verified, destination: maskMobile(view.mobile, view.country_code), availableAt: firstResendAt(view) }}
        />
      );
    case 'verify_pan':
      return <PanForm action={actions.verifyPan} hidden={hidden} businessType={kyc.business_type} failure={kyc.pan.failure_reason} />;
    case 'send_aadhaar_otp':
      return <AadhaarNumberForm action={actions.sendAadhaarOtp} hidden={hidden} failure={kyc.aadhaar.failure_reason} />;
    case 'verify_aadhaar_otp':
      return <AadhaarOtpForm action={actions.verifyAadhaarOtp} resendAction={actions.sendAadhaarOtp} hidden={hidden} maskedNumber={kyc.aadhaar.masked} />;
    case 'verify_gst':
      return <GstForm action={actions.gst} hidden={hidden} failure={kyc.gst.failure_reason} />;
    case 'wait_for_pan':
    case 'wait_for_gst':
      return <WaitForCheck />;
    default:
      return <AcceptForm action={actions.accept} hidden={hidden} view={view} productName={productName} submitLabel={audience === 'staff' ? 'Accept and create the client' : 'Accept and open my account'} />;
  }
}
