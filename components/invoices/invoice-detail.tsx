import Link from 'next/link';
import type { ReactNode } from 'react';
import { ActionForm } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import { invoiceStatusLabels } from '@/lib/invoices/status-labels';
import { invoiceLines, type Invoice, type InvoiceParty, invoiceTitle, invoiceTotals, istDate, partyHeadings, partyLines, placeOfSupplyLabel, supplyLabels, taxNote } from '@/lib/invoices/invoice-view';
import { formatInr } from '@/lib/ledger/format';

const statusTones: Record<Invoice['status'], BadgeTone> = { draft: 'warning', issued: 'info', sent: 'success' };

type ResendAction = (state: FormState, formData: FormData) => Promise<FormState>;

export type InvoiceDetailProps = {
  invoice: Invoice;
  /** Where "back" goes: the list the invoice was opened from. */
  back: { href: string; label: string };
  pdfHref: string;
  /** The page of another invoice of the same book (a credit note’s originals). */
  invoiceHref: (id: string) => string;
  /** The recipient's page in this console, if it has one. */
  buyerHref?: string | null;
  /** The list page's resend action, where the reader may resend this invoice. */
  resendAction?: ResendAction | null;
  badges?: ReactNode;
};

/** One invoice or credit note, every figure an accountant checks it by, as the PDF prints them. */
export function InvoiceDetail({ invoice, back, pdfHref, invoiceHref, buyerHref = null, resendAction = null, badges }: InvoiceDetailProps) {
  const headings = partyHeadings(invoice);
  const totals = invoiceTotals(invoice);
  const lines = invoiceLines(invoice);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back.href} className="text-slate-600 underline-offset-2 hover:underline">
          ← {back.label}
        </Link>
      </p>
      <PageHeader
        title={`${invoiceTitle(invoice)} ${invoice.number}`}
        description={`${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} for ${invoice.period}, issued ${istDate(invoice.issuedAt)} (India time).`}
        actions={
          <>
            {badges}
            <Badge tone={statusTones[invoice.status]}>{invoiceStatusLabels[invoice.status]}</Badge>
            <a href={pdfHref} download className={buttonClasses({ variant: 'secondary' })}>
              Download PDF
            </a>
            {resendAction && invoice.status !== 'draft' ? (
              <ActionForm action={resendAction}>
                <input type="hidden" name="invoiceId" value={invoice.id} />
                <SubmitButton variant="secondary">Resend</SubmitButton>
              </ActionForm>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Document">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="invoice-facts">
            <dt className="text-slate-600">Number</dt>
            <dd className="font-mono text-xs break-all">{invoice.number}</dd>
            <dt className="text-slate-600">Kind</dt>
            <dd>{invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'}</dd>
            {invoice.kind === 'credit_note' ? (
              <>
                <dt className="text-slate-600">Credits</dt>
                <dd>
                  {invoice.refersTo.length
                    ? invoice.refersTo.map((ref, i) => (
                        <span key={ref.id}>
                          {i ? ', ' : null}
                          <Link href={invoiceHref(ref.id)} className="underline underline-offset-2">
                            {ref.number}
                          </Link>
                        </span>
                      ))
                    : 'Charges of earlier months'}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">Status</dt>
            <dd>{invoiceStatusLabels[invoice.status]}</dd>
            <dt className="text-slate-600">Issue date</dt>
            <dd>{istDate(invoice.issuedAt)} (IST)</dd>
            <dt className="text-slate-600">Period</dt>
            <dd>{invoice.period}</dd>
            <dt className="text-slate-600">Financial year</dt>
            <dd>{invoice.financialYear}</dd>
            <dt className="text-slate-600">Place of supply</dt>
            <dd>{placeOfSupplyLabel(invoice.placeOfSupply)}</dd>
            <dt className="text-slate-600">Supply</dt>
            <dd>{supplyLabels[invoice.supply]}</dd>
            <dt className="text-slate-600">Reverse charge</dt>
            <dd>No</dd>
            <dt className="text-slate-600">E-mailed</dt>
            <dd>
              <Time value={invoice.sentAt} empty="Not yet" />
            </dd>
          </dl>
        </Card>
        <PartyCard title={headings.seller} party={invoice.seller} />
        <PartyCard title={headings.buyer} party={invoice.buyer} href={buyerHref} />
      </div>

      <Card title="Lines" className="mt-6">
        <div className="overflow-x-auto">
          <PlainTable
            caption="Lines"
            columns={[{ label: 'Description' }, { label: 'SAC' }, { label: 'Qty', align: 'right' }, { label: 'Rate', align: 'right' }, { label: 'Amount', align: 'right' }, { label: 'Taxable value', align: 'right' }, { label: 'GST', align: 'right' }]}
          >
            {lines.map((line, i) => (
              <tr key={`${line.product}-${i}`} className="border-b border-slate-100 align-top" data-testid="invoice-line">
                <td className="py-2 pr-3">
                  {line.description}
                  <span className="block font-mono text-xs text-slate-500">{line.product}</span>
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{line.sac}</td>
                <td className="py-2 pl-3 text-right tabular-nums">{line.quantity}</td>
                <td className="py-2 pl-3 text-right tabular-nums">{line.rate}</td>
                <td className="py-2 pl-3 text-right tabular-nums">{line.amount}</td>
                <td className="py-2 pl-3 text-right tabular-nums">{line.taxable}</td>
                <td className="py-2 pl-3 text-right tabular-nums">{line.gst}</td>
              </tr>
            ))}
          </PlainTable>
        </div>
        <dl className="mt-4 ml-auto grid max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid="invoice-totals">
          {totals.rows.map(([label, amount]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-right tabular-nums">{formatInr(amount)}</dd>
            </div>
          ))}
          <dt className="border-t border-slate-200 pt-1 font-semibold">{totals.total[0]}</dt>
          <dd className="border-t border-slate-200 pt-1 text-right font-semibold tabular-nums" data-testid="invoice-total">
            {formatInr(totals.total[1])}
          </dd>
        </dl>
        <p className="mt-4 text-xs text-slate-600">{taxNote(invoice)}
          {invoice.supply === 'none' ? null : ' A line’s GST is its amount less its taxable value.'}</p>
      </Card>
    </>
  );
}

function PartyCard({ title, party, href = null }: { title: string; party: InvoiceParty; href?: string | null }) {
  const lines = partyLines(party);
  return (
    <Card title={title}>
      <address className="space-y-1 text-sm not-italic">
        <p className="font-medium text-slate-900">{href ? <Link href={href} className="underline-offset-2 hover:underline">{party.name}</Link> : party.name}</p>
        {party.address ? <p className="whitespace-pre-line">{party.address}</p> : null}
        <p>{lines.state}</p>
        <p className={party.gstin ? 'font-mono text-xs' : 'text-slate-600'}>{lines.gstin}</p>
      </address>
    </Card>
  );
}
