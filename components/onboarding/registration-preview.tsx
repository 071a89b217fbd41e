import type { ReactNode } from 'react';
import { businessTypes, type BusinessType } from '@/lib/kyc/validators/pan';
import type { RegistrationView } from '@/lib/onboarding/requirements';
import { maskEmail, maskMobile } from './mask';

/** What is about to be signed for, every number masked: the masked forms come from the registration view. */
export function RegistrationPreview({ view }: { view: RegistrationView }) {
  const { kyc } = view;
  const businessType = kyc.business_type && kyc.business_type in businessTypes ? businessTypes[kyc.business_type as BusinessType].label : kyc.business_type;
  const rows: [string, ReactNode][] = [
    ['Name', view.name],
    ['E-mail', maskEmail(view.email)],
    ['Mobile', maskMobile(view.mobile, view.country_code)],
    ['Type of business', businessType ?? '—'],
    ['PAN', withName(kyc.pan.masked, kyc.pan.registered_name)],
    ['Aadhaar', kyc.aadhaar.masked ?? '—'],
    ['GST', kyc.gst.status === 'skipped' ? `No GSTIN: ${kyc.gst.skip_reason ?? ''}` : withName(kyc.gst.masked, kyc.gst.legal_name)],
  ];
  return (
    <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="registration-preview">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[8rem_minmax(0,1fr)] gap-3 px-3 py-2">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function withName(masked: string | null, name: string | null): ReactNode {
  if (!masked) return '—';
  return (
    <>
      <span className="font-mono">{masked}</span>
      {name ? <span className="block text-slate-600">{name}</span> : null}
    </>
  );
}
