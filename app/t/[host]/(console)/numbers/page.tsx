import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { HoldCountdown } from '@/components/numbers/hold-countdown';
import { NumberSearchForm } from '@/components/numbers/number-search-form';
import { NumbersTable } from '@/components/numbers/numbers-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { formatInr } from '@/lib/ledger/format';
import { numberBuyers } from '@/lib/numbers/buyers';
import { listNumbers } from '@/lib/numbers/client-numbers';
import { listHolds } from '@/lib/numbers/hold-number';
import { formatNumber, numberTypeLabels, numberTypes } from '@/lib/numbers/number-types';
import { numberRegions, patternModeLabels, patternModes, searchNumbers, type NumberOffer } from '@/lib/numbers/search-numbers';
import { getNumberSettings } from '@/lib/numbers/settings';
import { setNumberMaskingAction } from '../masking/actions';
import { buyNumberAction, holdNumberAction, recallNumberAction, releaseNumberAction, setNumberSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Numbers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NumbersPage({ searchParams }: Props) {
  const query = await searchParams;
  const { dataCtx, user } = await requireConsoleSession();
  const canManage = user.role !== 'member';
  let offers: NumberOffer[] = [];
  let searchErrors: Record<string, string> = {};
  try {
    offers = await searchNumbers(dataCtx, { region: one(query.region), type: one(query.type), pattern: one(query.pattern), mode: one(query.mode) });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'validation_failed')) throw error;
    searchErrors = error.fieldErrors ?? { pattern: error.message };
  }
  const [holds, buyers, numbers, settings] = await Promise.all([listHolds(dataCtx), numberBuyers(dataCtx), listNumbers(dataCtx, { limit: 50 }), getNumberSettings(dataCtx)]);
  const clientNames = new Map(buyers.map((b) => [b.id, b.name]));
  const buyerOptions = buyers.map((b) => ({ value: b.id, label: `${b.name} — wallet ${formatInr(b.available)}` }));

  return (
    <>
      <PageHeader title="Numbers" description="Search the inventory, hold a number for ten minutes, and buy it for an active client: setup and the first month are charged to the client’s wallet at your retail prices." />
      <div className="space-y-6">
        <Card title="Search">
          <NumberSearchForm
            regions={numberRegions().map((r) => ({ value: r.code, label: r.name }))}
            types={numberTypes.map((t) => ({ value: t, label: numberTypeLabels[t] }))}
            modes={patternModes.map((m) => ({ value: m, label: patternModeLabels[m] }))}
            errors={searchErrors}
          />
          <div className="mt-4" data-testid="search-results">
            {offers.length ? (
              // One form for all rows: a held number leaves the results, and the form (with its toast) must outlive its row.
              <ActionForm action={holdNumberAction}>
                <PlainTable caption="Available numbers" columns={[{ label: 'Number' }, { label: 'Region' }, { label: 'Type' }, { label: 'Setup', align: 'right' }, { label: 'Monthly', align: 'right' }, { label: '' }]}>
                  {offers.map((offer) => (
                    <tr key={offer.id} className="border-b border-slate-100">
                      <td className="py-2 font-medium tabular-nums">{offer.display}</td>
                      <td className="py-2">{offer.regionName}</td>
                      <td className="py-2">{numberTypeLabels[offer.type]}</td>
                      <td className="py-2 text-right"><Money value={offer.setupPrice} /></td>
                      <td className="py-2 text-right"><Money value={offer.monthlyPrice} /></td>
                      <td className="py-2 text-right">
                        <SubmitButton size="sm" variant="secondary" name="number" value={offer.id} aria-label={`Hold ${offer.display}`}>Hold</SubmitButton>
                      </td>
                    </tr>
                  ))}
                </PlainTable>
              </ActionForm>
            ) : (
              <p className="text-sm text-slate-600">{Object.keys(searchErrors).length ? 'Fix the search to see numbers.' : 'No available numbers match.'}</p>
            )}
          </div>
        </Card>

        <Card title="Your holds" description="A held number is yours alone until its countdown ends.">
          {holds.length ? (
            <ul className="space-y-4">
              {holds.map((hold) => (
                <li key={hold.id} className="rounded-md border border-slate-200 p-3" data-testid="hold">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium tabular-nums">{formatNumber(hold.number)}</span>
                    <HoldCountdown expiresAt={hold.expiresAt.toISOString()} />
                  </div>
                  {canManage ? (
                    buyerOptions.length ? (
                      <ActionForm action={buyNumberAction} className="mt-3 flex flex-wrap items-end gap-3">
                        <input type="hidden" name="number" value={hold.numberId} />
                        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
                        <ActionSelectField label="For client" name="clientId" options={buyerOptions} defaultValue={hold.clientId ?? undefined} hint="Only active clients (KYC complete); the wallet shows what each can spend." />
                        <SubmitButton>Buy number</SubmitButton>
                      </ActionForm>
                    ) : (
                      <p className="mt-2 text-sm text-slate-600">No active client yet: a number can only go to a client whose KYC is complete.</p>
                    )
                  ) : (
                    <p className="mt-2 text-sm text-slate-600">An admin or owner can buy it.</p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Nothing held. Hold a number from the search to buy it.</p>
          )}
        </Card>

        <Card title="Your clients’ numbers">
          <NumbersTable numbers={numbers.data} clientNames={clientNames} canManage={canManage} releaseAction={releaseNumberAction} recallAction={recallNumberAction} maskingAction={setNumberMaskingAction} />
        </Card>

        <Card title="Release and unpaid rentals" description="A released number waits in quarantine until its reusable-after date, and only the client that released it may recall it meanwhile. A rental the client’s wallet cannot pay gets a grace period (the client is e-mailed), then the number is suspended, then released.">
          {canManage ? (
            <ActionForm action={setNumberSettingsAction}>
              <div className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start" data-testid="number-settings">
                <ActionTextField label="Quarantine (days)" name="quarantineDays" defaultValue={String(settings.quarantineDays)} inputMode="numeric" hint="0–180; new releases only." />
                <ActionTextField label="Grace period (days)" name="graceDays" defaultValue={String(settings.graceDays)} inputMode="numeric" hint="0–60" />
                <ActionTextField label="Suspended before release (days)" name="suspendedDays" defaultValue={String(settings.suspendedDays)} inputMode="numeric" hint="1–90" />
                <SubmitButton className="sm:mt-7">Save</SubmitButton>
              </div>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-600">Quarantine {settings.quarantineDays} days; grace period {settings.graceDays} days; suspended {settings.suspendedDays} days before release.</p>
          )}
        </Card>
      </div>
    </>
  );
}
