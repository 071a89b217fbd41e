import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Time } from '@/components/console/time';
import { differencesFromSent, type WhatsappNumberView } from '@/lib/whatsapp/number-view';
import { cloudApiReasons, type CloudApiReason } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';
import { HealthBadges, NumberStatusBadge, TokenExpiry } from './health-badges';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The number as Meta sees it: status, quality, limits, token expiry, and where it differs from what was sent. */
export function NumberHealthCard({ number }: { number: WhatsappNumberView }) {
  const differences = differencesFromSent(number);
  const problems = number.healthEntities.flatMap((entity) => entity.errors.map((error) => ({ entity: entity.entityType, ...error })));
  return (
    <Card title="Health" description="As Meta reported at the last check.">
      <dl className="divide-y divide-slate-100" data-testid="whatsapp-health">
        <Row label="Status">
          <NumberStatusBadge number={number} />
          {number.statusReason ? <p className="mt-1 text-slate-700">{cloudApiReasons[number.statusReason as CloudApiReason] ?? number.statusReason}</p> : null}
        </Row>
        <Row label="Quality and sending">
          <HealthBadges number={number} />
        </Row>
        <Row label="Token">
          <TokenExpiry number={number} />
          {number.tokenExpiresAt ? (
            <span className="ml-2 text-slate-600">
              <Time value={number.tokenExpiresAt} />
            </span>
          ) : null}
        </Row>
        <Row label="Monthly fee">
          {number.feeUnpaidReason ? <span className="text-red-800">Unpaid: {number.feeUnpaidReason}</span> : number.feePaidPeriod ? `Paid for ${number.feePaidPeriod}` : '—'}
          {number.feeSuspendedAt ? (
            <p className="mt-1 text-red-800" data-testid="whatsapp-fee-suspended">
              Suspended since <Time value={number.feeSuspendedAt} />: it takes no messages, and is unlinked unless the fee is paid.
            </p>
          ) : number.feeGraceEndsAt ? (
            <p className="mt-1 text-amber-800">
              Works until <Time value={number.feeGraceEndsAt} />, then it is suspended unless the fee is paid.
            </p>
          ) : null}
        </Row>
        <Row label="Meta status">{number.metaStatus ?? '—'}</Row>
        <Row label="Name status">{number.nameStatus ?? '—'}</Row>
        <Row label="Messaging tier">{number.messagingLimitTier ?? '—'}</Row>
        <Row label="Throughput">{number.throughputLevel ?? '—'}</Row>
        <Row label="Platform and mode">{[number.platformType, number.accountMode].filter(Boolean).join(' · ') || '—'}</Row>
        <Row label="Phone number id">{number.phoneNumberId}</Row>
        <Row label="Last checked">
          <Time value={number.lastCheckedAt} />
        </Row>
      </dl>
      {differences.length ? (
        <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="whatsapp-differences">
          <p className="font-medium">What was sent differs from Meta’s records; Meta’s are used.</p>
          <ul className="mt-1 list-disc pl-5">
            {differences.includes('display_number') ? (
              <li>
                Display number: sent {number.sentDisplayNumber}, Meta has {number.displayPhoneNumber}
              </li>
            ) : null}
            {differences.includes('verified_name') ? (
              <li>
                Verified name: sent {number.sentVerifiedName}, Meta has {number.verifiedName}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {problems.length ? (
        <ul className="mt-3 space-y-1 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={`${problem.entity}-${problem.code}-${problem.description}`}>
              {problem.entity}: {problem.description}
              {problem.possibleSolution ? ` ${problem.possibleSolution}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
