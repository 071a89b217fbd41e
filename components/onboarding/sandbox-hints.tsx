import type { ReactNode } from 'react';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { kycSimulatorRules, sandboxAadhaarOtp } from '@/lib/providers/kyc/kyc-simulator';

const examplePan = 'ABCPE1234F';
const exampleAadhaar = `23456789012${verhoeffCheckDigit('23456789012')}`;
const exampleGstin = `27${examplePan}1Z${gstinCheckCharacter(`27${examplePan}1Z`)}`;

/** The sandbox's fixed codes and the simulator's magic values, so a test registration can reach every case. */
export function SandboxHints({ otp, children }: { otp: string; children?: ReactNode }) {
  const rules: [string, readonly { when: string; outcome: string }[]][] = [
    ['PAN', kycSimulatorRules.pan],
    ['Aadhaar', kycSimulatorRules.aadhaar],
    ['GSTIN', kycSimulatorRules.gstin],
  ];
  return (
    <section aria-labelledby="sandbox-hints-title" data-testid="sandbox-hints" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 sm:p-6">
      <h2 id="sandbox-hints-title" className="font-semibold">
        Test mode: nothing is really checked
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          E-mail and SMS codes are always <code className="font-semibold">{otp}</code>; the Aadhaar OTP is <code className="font-semibold">{sandboxAadhaarOtp}</code>.
        </li>
        <li>
          Examples that verify: PAN <code>{examplePan}</code> (individual or proprietorship), Aadhaar <code>{exampleAadhaar}</code>, GSTIN <code>{exampleGstin}</code>.
        </li>
      </ul>
      <details>
        <summary className="cursor-pointer font-medium">Values that fail or wait on purpose</summary>
        <dl className="mt-2 space-y-2">
          {rules.map(([what, cases]) => (
            <div key={what}>
              <dt className="font-medium">{what}</dt>
              {cases.map((rule) => (
                <dd key={rule.when} className="pl-3">
                  {rule.when}: {rule.outcome}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      </details>
      {children}
    </section>
  );
}
