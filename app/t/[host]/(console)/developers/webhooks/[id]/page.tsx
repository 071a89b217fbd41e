import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ConfirmActionShowingSecret, RevealedSecret } from '@/components/console/secret-box';
import { webhookEndpointStatusTone } from '@/components/console/status-tones';
import { isFuture, Time } from '@/components/console/time';
import { DeliveriesTable, type DeliveryTableRow } from '@/components/developers/deliveries-table';
import { describeEventTypes } from '@/components/developers/describe-event-types';
import { EventTypePicker } from '@/components/developers/event-type-picker';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cursorPagination, parseCursorParams, parseTableParams, type FilterDef, type SearchParams } from '@/lib/tables/table-params';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { listDeliveries } from '@/lib/webhooks/deliveries';
import { getWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import { formatWebhookBody } from '@/lib/webhooks/payload-formats';
import {
  deleteEndpointAction,
  resendDeliveryAction,
  revealSecretAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointStatusAction,
  updateEndpointAction,
} from '../actions';

export const metadata: Metadata = { title: 'Webhook endpoint' };

const deliveryFilters = [
  {
    id: 'status',
    label: 'Status',
    options: [
      { value: 'pending', label: 'Pending' },
      { value: 'delivering', label: 'Delivering' },
      { value: 'succeeded', label: 'Succeeded' },
      { value: 'failed', label: 'Failed' },
    ],
  },
] as const satisfies readonly FilterDef[];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** The endpoint of the current environment, or the host's 404 page (another partner's, or the other mode's). */
async function loadEndpoint(ctx: Parameters<typeof getWebhookEndpoint>[0], id: string) {
  try {
    return await getWebhookEndpoint(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { dataCtx, user } = await requireConsoleSession();
  const { id } = await params;
  const endpoint = await loadEndpoint(dataCtx, id);
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, filters: deliveryFilters });
  const cursor = parseCursorParams(query);
  const deliveries = await listDeliveries(dataCtx, endpoint.id, { ...cursor, limit: table.pageSize, status: table.filters.status });
  const rows: DeliveryTableRow[] = deliveries.data.map((delivery) => ({
    id: delivery.id,
    status: delivery.status,
    eventId: delivery.event.id,
    eventType: delivery.event.type,
    attemptCount: delivery.attemptCount,
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.nextAttemptAt,
    createdAt: delivery.createdAt,
    payload: JSON.stringify(JSON.parse(formatWebhookBody(endpoint.payloadFormat, delivery.event)), null, 2),
    attempts: delivery.attempts.map(({ id, attemptedAt, responseStatus, responseBodyExcerpt, error, durationMs }) => ({ id, attemptedAt, responseStatus, responseBodyExcerpt, error, durationMs })),
  }));
  const canManage = user.role !== 'member';
  const previousSecretActive = isFuture(endpoint.previousSecretExpiresAt);
  const enabled = endpoint.status === 'enabled';

  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/developers/webhooks" className="text-slate-700 underline-offset-2 hover:underline">
          ← All endpoints
        </Link>
      </p>

      <Card
        title={<span className="font-mono text-sm break-all sm:text-base">{endpoint.url}</span>}
        description={endpoint.description ?? undefined}
        actions={<Badge tone={webhookEndpointStatusTone[endpoint.status]}>{endpoint.status}</Badge>}
      >
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Events</dt>
          <dd>{endpoint.eventTypes.includes('*') ? describeEventTypes(endpoint.eventTypes) : endpoint.eventTypes.map((type) => <code key={type} className="mr-2 text-xs">{type}</code>)}</dd>
          <dt className="text-slate-600">Created</dt>
          <dd><Time value={endpoint.createdAt} /></dd>
          <dt className="text-slate-600">Endpoint id</dt>
          <dd className="font-mono text-xs">{endpoint.id}</dd>
          {endpoint.disabledReason ? (
            <>
              <dt className="text-slate-600">Disabled because</dt>
              <dd>{endpoint.disabledReason}</dd>
            </>
          ) : null}
          {endpoint.failingSince ? (
            <>
              <dt className="text-slate-600">Failing since</dt>
              <dd className="text-red-700"><Time value={endpoint.failingSince} /></dd>
            </>
          ) : null}
        </dl>
        {canManage ? (
          <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
            <ActionForm action={sendTestEventAction}>
              <input type="hidden" name="endpointId" value={endpoint.id} />
              <SubmitButton size="sm" disabled={!enabled} pendingLabel="Sending…">Send test event</SubmitButton>
            </ActionForm>
            <ActionForm action={setEndpointStatusAction}>
              <input type="hidden" name="endpointId" value={endpoint.id} />
              <input type="hidden" name="status" value={enabled ? 'disabled' : 'enabled'} />
              <SubmitButton size="sm" variant="secondary">{enabled ? 'Disable' : 'Enable'}</SubmitButton>
            </ActionForm>
            <ConfirmAction
              action={deleteEndpointAction}
              fields={{ endpointId: endpoint.id }}
              triggerLabel="Delete"
              triggerSize="sm"
              triggerVariant="ghost"
              tone="danger"
              title="Delete this endpoint?"
              description="Nothing more is sent to it, and its delivery log is deleted with it. The events themselves stay."
              confirmLabel="Delete endpoint"
            />
          </div>
        ) : null}
      </Card>

      {canManage ? (
        <Card title="Signing secret" className="mt-6" description="Receivers verify the webhook-signature header of each delivery with this secret (Standard Webhooks).">
          <div className="space-y-3">
            {previousSecretActive ? (
              <p className="text-sm text-slate-700">
                The previous secret also signs deliveries until <Time value={endpoint.previousSecretExpiresAt} />.
              </p>
            ) : null}
            <ActionForm action={revealSecretAction} toastSuccess={false} className="space-y-3">
              <input type="hidden" name="endpointId" value={endpoint.id} />
              <RevealedSecret />
              <SubmitButton size="sm" variant="secondary">Reveal secret</SubmitButton>
            </ActionForm>
            <ConfirmActionShowingSecret
              action={rotateSecretAction}
              fields={{ endpointId: endpoint.id }}
              triggerLabel="Rotate secret"
              triggerSize="sm"
              triggerVariant="secondary"
              title="Rotate the signing secret?"
              description="A new secret is made and shown once. The old one keeps signing deliveries alongside it for 24 hours, so you can switch your receiver over without missing one."
              confirmLabel="Rotate"
            />
          </div>
        </Card>
      ) : null}

      {canManage ? (
        <Card title="Edit endpoint" className="mt-6">
          <ActionForm action={updateEndpointAction} className="grid gap-4">
            <input type="hidden" name="endpointId" value={endpoint.id} />
            <ActionTextField label="Endpoint URL" name="url" type="url" required autoComplete="off" defaultValue={endpoint.url} inputMode="url" />
            <ActionTextField label="Description" name="description" autoComplete="off" maxLength={500} defaultValue={endpoint.description ?? ''} />
            <EventTypePicker defaults={endpoint.eventTypes} />
            <div><SubmitButton pendingLabel="Saving…">Save changes</SubmitButton></div>
          </ActionForm>
        </Card>
      ) : null}

      <section aria-labelledby="deliveries-heading" className="mt-8 space-y-3">
        <div>
          <h2 id="deliveries-heading" className="text-lg font-semibold">Deliveries</h2>
          <p className="text-sm text-slate-600">Newest first. Open a delivery for its payload and each attempt’s answer; reload to follow one in progress.</p>
        </div>
        <DeliveriesTable
          data={rows}
          total={rows.length}
          page={1}
          pageSize={table.pageSize}
          sort={table.sort}
          filters={deliveryFilters}
          filterValues={table.filters}
          pageSizes={[20, 50, 100]}
          cursor={cursorPagination(cursor, deliveries)}
          emptyMessage="No deliveries yet. Send a test event to try the endpoint."
          resendAction={canManage ? resendDeliveryAction : undefined}
        />
      </section>
    </>
  );
}
