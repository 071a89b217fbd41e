import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import type { SendingDomainView } from '@/lib/sending-domains/manage-sending-domain';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const tone: Record<string, BadgeTone> = { verified: 'success', pending: 'neutral', missing: 'warning', mismatch: 'danger' };
const label: Record<string, string> = { verified: 'found', pending: 'not checked', missing: 'missing', mismatch: 'wrong value' };
const kindLabel = { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC (recommended)' };

/** The partner's sending domain: the records to publish, each with what the last check found. */
export function SendingDomainCard({ domain, supportEmail, canEdit, actions }: { domain: SendingDomainView | null; supportEmail: string | null; canEdit: boolean; actions: { set: Action; verify: Action; remove: Action } }) {
  return (
    <Card
      title="Sending domain"
      description={
        domain?.status === 'verified'
          ? `Your e-mail goes from ${domain.from_address}, signed with your domain’s DKIM key.`
          : `Until a domain of yours is verified, your e-mail goes from the platform’s address with your product name as its name${supportEmail ? ` and replies go to ${supportEmail}` : ''}.`
      }
    >
      <div className="space-y-4">
        {domain ? (
          <>
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <strong className="break-all">{domain.domain}</strong> <Badge tone={domain.status === 'verified' ? 'success' : 'warning'}>{domain.status}</Badge>
            </p>
            <ul className="space-y-3 text-sm" aria-label="DNS records">
              {domain.records.map((record) => (
                <li key={record.kind} className="rounded-md border border-slate-200 p-3" data-testid={`dns-record-${record.kind}`}>
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {kindLabel[record.kind]} <Badge tone={tone[record.status]}>{label[record.status]}</Badge>
                  </p>
                  <p className="mt-1 text-slate-600">
                    TXT record at <code className="break-all">{record.name}</code>
                  </p>
                  <code className="mt-1 block text-xs break-all">{record.value}</code>
                </li>
              ))}
            </ul>
            {canEdit ? (
              <div className="flex flex-wrap gap-3">
                <ActionForm action={actions.verify}>
                  <SubmitButton variant="secondary" pendingLabel="Checking…">
                    Check records
                  </SubmitButton>
                </ActionForm>
                <ConfirmAction action={actions.remove} triggerLabel="Remove domain" triggerVariant="ghost" tone="danger" title="Remove the sending domain?" description="Your e-mail goes from the platform’s address in your name again." confirmLabel="Remove" />
              </div>
            ) : null}
          </>
        ) : null}
        {canEdit ? (
          <ActionForm action={actions.set} className="flex flex-wrap items-end gap-3">
            <ActionTextField label={domain ? 'Use another domain' : 'Domain to send from'} name="domain" placeholder="mail.example.com" autoComplete="off" />
            <SubmitButton variant="secondary">Save domain</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </Card>
  );
}
