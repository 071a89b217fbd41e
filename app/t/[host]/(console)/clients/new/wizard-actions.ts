import type { WizardActions } from '@/components/onboarding/registration-wizard';
import {
  acceptAction,
  gstAction,
  resendOtpAction,
  sendAadhaarOtpAction,
  startRegistrationAction,
  verifyAadhaarOtpAction,
  verifyOtpAction,
  verifyPanAction,
} from './actions';

/** The console wizard's step actions, as the shared wizard takes them. */
export const consoleWizardActions: WizardActions = {
  register: startRegistrationAction,
  verifyOtp: verifyOtpAction,
  resendOtp: resendOtpAction,
  verifyPan: verifyPanAction,
  sendAadhaarOtp: sendAadhaarOtpAction,
  verifyAadhaarOtp: verifyAadhaarOtpAction,
  gst: gstAction,
  accept: acceptAction,
};
