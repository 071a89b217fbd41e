import {
  acceptOperation,
  createRegistrationOperation,
  getRegistrationOperation,
  resendOtpOperation,
  sendAadhaarOtpOperation,
  skipGstOperation,
  verifyAadhaarOtpOperation,
  verifyGstOperation,
  verifyOtpOperation,
  verifyPanOperation,
} from '@/lib/api/operations/registrations';
import { acceptRegistration } from '@/lib/onboarding/accept-registration';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { sendRegistrationAadhaarOtp, skipRegistrationGst, verifyRegistrationAadhaarOtp, verifyRegistrationGst, verifyRegistrationPan } from '@/lib/onboarding/kyc-steps';
import { getRegistration } from '@/lib/onboarding/registration-queries';
import type { NextStep, RegistrationView } from '@/lib/onboarding/requirements';
import { resendRegistrationOtp, verifyRegistrationOtp } from '@/lib/onboarding/verify-otp';
import { available, type DataField } from '../endpoint';
import { text } from '../fields';

/** IVR Solutions' "Client Registration & KYC" group: a registration ("temp client") from sign-up to acceptance. */

const group = 'Client Registration & KYC' as const;

/** The IVR Solutions endpoint that takes each next step of a registration. */
const ivrStepOf: Record<NextStep, string> = {
  verify_otp: 'verify_otp',
  verify_pan: 'verify_pan',
  send_aadhaar_otp: 'aadhar_otp',
  verify_aadhaar_otp: 'aadhar_verify',
  verify_gst: 'verify_gst',
  accept: 'accept_kyc',
  wait_for_verification: 'wait',
};

/** A registration in IVR Solutions' words (a "temp client"), from the same registration resource REST returns. */
export const tempClientData: DataField[] = [
  { name: 'request_id', from: 'id', note: 'The registration id (reg_…); the same value as temp_client_id.' },
  { name: 'temp_client_id', from: 'id', note: 'The registration id (reg_…).' },
  { name: 'name', from: 'name' },
  { name: 'email', from: 'email' },
  { name: 'mobile', from: 'mobile', note: 'In E.164, e.g. +919876543210.' },
  { name: 'country_code', from: 'country_code' },
  { name: 'promo', from: 'promo' },
  { name: 'status', from: 'status', note: 'pending, completed, cancelled or expired.' },
  { name: 'email_verified', from: 'email_verified' },
  { name: 'mobile_verified', from: 'mobile_verified' },
  { name: 'btype', from: 'kyc.business_type' },
  { name: 'pan', from: 'kyc.pan.masked', note: 'Masked: AAXXXXXX5K.' },
  { name: 'pan_status', from: 'kyc.pan.status', note: 'unverified, pending, verified or failed.' },
  { name: 'pan_name', from: 'kyc.pan.registered_name' },
  { name: 'aadhar_num', from: 'kyc.aadhaar.masked', note: 'Masked: only the last four digits are ever kept.' },
  { name: 'aadhar_status', from: 'kyc.aadhaar.status', note: 'unverified, otp_sent, verified or failed.' },
  { name: 'ref', from: 'kyc.aadhaar.reference', note: 'What aadhar_verify takes as ref.' },
  { name: 'gst_num', from: 'kyc.gst.masked', note: 'Masked.' },
  { name: 'gst_status', from: 'kyc.gst.status', note: 'unverified, pending, verified, failed or skipped.' },
  { name: 'gst_name', from: 'kyc.gst.legal_name' },
  { name: 'gst_skip_reason', from: 'kyc.gst.skip_reason' },
  { name: 'kyc_provider', from: 'kyc.provider', note: '`simulator` in test mode.' },
  { name: 'next_step', from: 'requirements.next_step', map: (step) => (step ? ivrStepOf[step as NextStep] : null), note: 'The endpoint to call next (verify_otp, verify_pan, aadhar_otp, aadhar_verify, verify_gst or skip_gst, accept_kyc), `wait` while a check runs, null when done.' },
  { name: 'errors', from: 'requirements.errors', note: 'Each failed or locked step: requirement, code, reason.' },
  { name: 'client_id', from: 'client_id', note: 'The client created by accept_kyc (cli_…).' },
  { name: 'expires_at', from: 'expires_at' },
  { name: 'created_at', from: 'created_at' },
];

const tempClient = { shape: 'object' as const, fields: tempClientData };
const temporaryId = (name: 'temp_client_id' | 'request_id') => text(name, 'registration_id', { note: name === 'request_id' ? 'From register.' : 'The request_id from register.', difference: 'The registration id (reg_…) that register returns; another partner’s, or an unknown one, answers 404.' });

/** How a provider check came out, for `message`. */
function checkMessage(what: string, check: { status: string; failure_reason: string | null }): string {
  if (check.status === 'verified') return `${what} verified`;
  if (check.status === 'pending') return `${what} submitted; the check is still running (next_step is wait)`;
  return `${what} check failed: ${check.failure_reason ?? 'see errors'}`;
}

export const register = available({
  group,
  method: 'POST',
  path: 'register',
  summary: 'Register a client (Step 1)',
  example: { name: 'Acme Corp', email: 'ops@acme.com', mobile: '9876543210', password: 'SecurePass@123', country_code: '+91', promo: 'WELCOME10' },
  rest: createRegistrationOperation,
  fields: {
    name: text('name', 'name'),
    email: text('email', 'email'),
    mobile: text('mobile', 'mobile'),
    password: text('password', 'password', { difference: 'At least 10 characters, letters mixed with digits or symbols.' }),
    country_code: text('country_code', 'country_code', { required: false, ivrRequired: true, difference: 'Optional here: +91 when not sent. A calling code (+91) or a country (IN).' }),
    promo: text('promo', 'promo', { required: false, difference: 'A promo code the partner defined in the console; any other is refused.' }),
  },
  data: { shape: 'object', fields: tempClientData },
  differences: ['Answers 200 as IVR Solutions does (the REST operation answers 201).', 'An e-mail or mobile already used by a client or an open registration of the partner is refused with 409.'],
  call: (ctx, input) => createRegistration(ctx, input, { source: 'api' }),
  message: () => 'OTP sent to email and mobile',
});

export const verifyOtp = available({
  group,
  method: 'POST',
  path: 'verify_otp',
  summary: 'Step 2: Verify OTP',
  example: { request_id: 'req_8f3a21', mobileotp: '123456', emailotp: '654321' },
  rest: verifyOtpOperation,
  fields: {
    request_id: temporaryId('request_id'),
    mobileotp: text('mobileotp', 'mobile_otp', { required: false, ivrRequired: true, difference: 'Either code may be sent alone; both verified opens KYC. Five wrong codes lock a code until a new one is sent (429 with code locked).' }),
    emailotp: text('emailotp', 'email_otp', { required: false, ivrRequired: true }),
  },
  data: tempClient,
  call: (ctx, { registration_id, ...codes }) => verifyRegistrationOtp(ctx, registration_id, codes),
  message: (r: RegistrationView) => (r.email_verified && r.mobile_verified ? 'OTP verified' : `OTP verified; the ${r.email_verified ? 'mobile' : 'email'} OTP is still due`),
});

export const resendOtp = available({
  group,
  method: 'POST',
  path: 'resend_otp',
  summary: 'Resend OTP',
  example: { request_id: 'req_8f3a21', type: 'both' },
  rest: resendOtpOperation,
  fields: {
    request_id: temporaryId('request_id'),
    type: text('type', 'type', { required: false, ivrRequired: true, difference: 'email, mobile or both (the default when not sent). Each channel at most once a minute (429 with Retry-After).' }),
  },
  data: tempClient,
  call: (ctx, { registration_id, ...body }) => resendRegistrationOtp(ctx, registration_id, body),
  message: (_r, input) => `OTP sent again to ${input.type === 'email' ? 'email' : input.type === 'mobile' ? 'mobile' : 'email and mobile'}`,
});

export const verifyPan = available({
  group,
  method: 'POST',
  path: 'verify_pan',
  summary: 'Step 3a: Verify Business PAN',
  example: { temp_client_id: 'tmp_5521', pan: 'ABCDE1234F', btype: 'company' },
  rest: verifyPanOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    pan: text('pan', 'pan', { difference: 'Its 4th character must fit btype (C for a company, P for an individual or proprietorship…).' }),
    btype: text('btype', 'business_type', { difference: 'One of individual, proprietorship, company, huf, partnership_firm, llp, aop, trust, boi, local_authority, artificial_juridical_person, government.' }),
  },
  data: tempClient,
  differences: ['A failed or pending check still answers 200: pan_status and message say how it came out.'],
  call: (ctx, { registration_id, ...body }) => verifyRegistrationPan(ctx, registration_id, body),
  message: (r: RegistrationView) => checkMessage('PAN', r.kyc.pan),
});

export const aadhaarOtp = available({
  group,
  method: 'POST',
  path: 'aadhar_otp',
  summary: 'Step 3b: Send Aadhaar OTP',
  example: { temp_client_id: 'tmp_5521', aadhar_num: '123412341234' },
  rest: sendAadhaarOtpOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    aadhar_num: text('aadhar_num', 'aadhaar_number', { difference: '12 digits, not starting with 0 or 1, with a valid Verhoeff check digit. Only the last four digits are kept.' }),
  },
  data: tempClient,
  differences: ['The reference for aadhar_verify is data.ref.'],
  call: (ctx, { registration_id, ...body }) => sendRegistrationAadhaarOtp(ctx, registration_id, body),
  message: (r: RegistrationView) => (r.kyc.aadhaar.status === 'otp_sent' ? 'Aadhaar OTP sent to the Aadhaar-linked mobile' : `Aadhaar OTP not sent: ${r.kyc.aadhaar.failure_reason ?? 'see errors'}`),
});

export const aadhaarVerify = available({
  group,
  method: 'POST',
  path: 'aadhar_verify',
  summary: 'Step 3c: Verify Aadhaar OTP',
  example: { temp_client_id: 'tmp_5521', otp: '123456', ref: 'ref_99812' },
  rest: verifyAadhaarOtpOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    otp: text('otp', 'otp'),
    ref: text('ref', 'reference', { note: 'reference_id from aadhar_otp', difference: 'data.ref of the last aadhar_otp.' }),
  },
  data: tempClient,
  call: (ctx, { registration_id, ...body }) => verifyRegistrationAadhaarOtp(ctx, registration_id, body),
  message: () => 'Aadhaar verified',
});

export const verifyGst = available({
  group,
  method: 'POST',
  path: 'verify_gst',
  summary: 'Step 3d: Verify GST',
  example: { temp_client_id: 'tmp_5521', gst_num: '29ABCDE1234F1Z5' },
  rest: verifyGstOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    gst_num: text('gst_num', 'gstin', { difference: 'Must contain the verified PAN and a valid check character.' }),
  },
  data: tempClient,
  differences: ['A failed or pending check still answers 200: gst_status and message say how it came out.'],
  call: (ctx, { registration_id, ...body }) => verifyRegistrationGst(ctx, registration_id, body),
  message: (r: RegistrationView) => checkMessage('GST', r.kyc.gst),
});

/** IVR Solutions sends no reason; Switchboard keeps one with every skip, so this one is recorded. */
export const defaultGstSkipReason = 'No GSTIN (skipped through the IVR Solutions compatibility API, which sends no reason)';

export const skipGst = available({
  group,
  method: 'POST',
  path: 'skip_gst',
  summary: 'Skip GST verification',
  example: { temp_client_id: 'tmp_5521' },
  rest: skipGstOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    reason: text('reason', 'reason', { required: false, ivrRequired: false, difference: 'Not an IVR Solutions field: when not sent, the recorded reason is “' + defaultGstSkipReason + '”.' }),
  },
  data: tempClient,
  call: (ctx, { registration_id, reason }) => skipRegistrationGst(ctx, registration_id, { reason: reason ?? defaultGstSkipReason }),
  message: () => 'GST skipped',
});

export const previewKyc = available({
  group,
  method: 'POST',
  path: 'preview_kyc',
  summary: 'Preview KYC data before final submission',
  example: { temp_client_id: 'tmp_5521' },
  rest: getRegistrationOperation,
  fields: { temp_client_id: temporaryId('temp_client_id') },
  data: tempClient,
  differences: ['Everything is masked: the PAN, the last four Aadhaar digits, the GSTIN.'],
  call: (ctx, { registration_id }) => getRegistration(ctx, registration_id),
  message: () => 'KYC preview',
});

export const acceptKyc = available({
  group,
  method: 'POST',
  path: 'accept_kyc',
  summary: 'Step 4: Accept KYC and create client account',
  example: { temp_client_id: 'tmp_5521', signature: 'data:image/png;base64,iVBORw0K...' },
  rest: acceptOperation,
  fields: {
    temp_client_id: temporaryId('temp_client_id'),
    signature: text('signature', 'signature', { required: true, ivrRequired: false, note: 'base64', difference: 'Required here: a drawn signature as a PNG data URL (data:image/png;base64,…), at most 200 KB.' }),
  },
  data: tempClient,
  differences: ['Repeating it is safe: the same client is returned.', 'The client owner signs in with the e-mail and password given to register.'],
  call: (ctx, { registration_id, signature }) => acceptRegistration(ctx, registration_id, { signature }),
  message: () => 'KYC accepted; the client account is active',
});

export const registrationGroup = [register, verifyOtp, resendOtp, verifyPan, aadhaarOtp, aadhaarVerify, verifyGst, skipGst, previewKyc, acceptKyc];
