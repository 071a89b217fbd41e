import type { ReactNode } from 'react';
import { verificationTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { businessTypes } from '@/lib/kyc/validators/pan';
import type { RegistrationView } from '@/lib/onboarding/requirements';

function businessTypeLabel(type: string | null): string {
  if (!type) return '—';
  return type in businessTypes ? businessTypes[type as keyof typeof businessTypes].label : type.replaceAll('_', ' ');
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

const status = (value: string) => <Badge tone={verificationTone[value] ?? 'neutral'}>{value.replace('_', ' ')}</Badge>;

/**
 * The KYC a registration captured, masked as every face shows it: never a whole PAN, Aadhaar or GSTIN. A live
 * client whose checks the simulator answered (the default while no real KYC provider is configured) is marked,
 * so nobody takes it for KYC against official records; in test mode every client is simulated, so no mark.
 */
export function KycSummary({ kyc, live }: { kyc: RegistrationView; live: boolean }) {
  const { pan, aadhaar, gst } = kyc.kyc;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="kyc-summary">
      {live && kyc.kyc.provider === 'simulator' ? (
        <Row label="Verified by">
          <Badge tone="warning">Simulated KYC</Badge>
          <span className="block text-xs text-slate-600">Answered by the built-in KYC simulator, not checked against official records.</span>
        </Row>
      ) : null}
      <Row label="Business type">{businessTypeLabel(kyc.kyc.business_type)}</Row>
      <Row label="PAN">
        <span className="font-mono">{pan.masked ?? '—'}</span> {status(pan.status)}
        {pan.registered_name ? <span className="block text-xs text-slate-600">Registered to {pan.registered_name}</span> : null}
      </Row>
      <Row label="Aadhaar">
        <span className="font-mono">{aadhaar.masked ?? '—'}</span> {status(aadhaar.status)}
      </Row>
      <Row label="GSTIN">
        <span className="font-mono">{gst.masked ?? '—'}</span> {status(gst.status)}
        {gst.legal_name ? <span className="block text-xs text-slate-600">Legal name {gst.legal_name}</span> : null}
        {gst.skip_reason ? <span className="block text-xs text-slate-600">Skipped: {gst.skip_reason}</span> : null}
      </Row>
      <Row label="Mobile">
        {kyc.mobile} {status(kyc.mobile_verified ? 'verified' : 'unverified')}
      </Row>
      <Row label="E-mail">
        {kyc.email} {status(kyc.email_verified ? 'verified' : 'unverified')}
      </Row>
      <Row label="KYC submitted"><Time value={kyc.kyc.submitted_at} /></Row>
      <Row label="Accepted and signed"><Time value={kyc.accepted_at} /></Row>
      <Row label="Registration">
        <span className="font-mono text-xs">{kyc.id}</span> · via {kyc.source}
      </Row>
    </dl>
  );
}

const requirementTone: Record<'done' | 'due' | 'pending' | 'failed', BadgeTone> = { done: 'success', due: 'warning', pending: 'info', failed: 'danger' };

const requirementLabels: Record<string, string> = {
  email_otp: 'E-mail verified',
  mobile_otp: 'Mobile verified',
  pan: 'PAN verified',
  aadhaar: 'Aadhaar verified',
  gst: 'GST verified or skipped',
  signature: 'Terms accepted and signed',
};

/** Each onboarding requirement and where it stands: due, with the provider, failed (with why), or done. */
export function RequirementList({ kyc }: { kyc: RegistrationView }) {
  const { currently_due, pending_verification, errors } = kyc.requirements;
  return (
    <ul className="space-y-1.5 text-sm" aria-label="Requirements">
      {Object.entries(requirementLabels).map(([requirement, label]) => {
        const error = errors.find((e) => e.requirement === requirement);
        const state = error ? 'failed' : pending_verification.some((r) => r === requirement) ? 'pending' : currently_due.some((r) => r === requirement) ? 'due' : 'done';
        return (
          <li key={requirement} className="flex flex-wrap items-center gap-2">
            <Badge tone={requirementTone[state]}>{state}</Badge>
            <span>{label}</span>
            {error ? <span className="text-red-700">— {error.reason}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
