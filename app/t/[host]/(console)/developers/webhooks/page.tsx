import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ShownOnceSecret } from '@/components/console/secret-box';
import { webhookEndpointStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { describeEventTypes } from '@/components/developers/describe-event-types';
import { EventTypePicker } from '@/components/developers/event-type-picker';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listWebhookEndpoints } from '@/lib/webhooks/manage-endpoints';
import { createEndpointAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const endpoints = await listWebhookEndpoints(dataCtx);
  const canManage = user.role !== 'member';
  return (
    <>
      <Card
        title="Webhook endpoints"
        description={`Where we POST signed events${environment === 'test' ? ' from your sandbox' : ''}, retrying with back-off until your endpoint answers 2xx.`}
      >
        {endpoints.data.length === 0 ? (
          <p className="text-sm text-slate-600">No endpoints yet{environment === 'test' ? ' in test mode' : ''}.</p>
        ) : (
          <div className="relative -mx-4 overflow-x-auto sm:-mx-6">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Webhook endpoints</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium sm:pl-6">URL</th>
                  <th scope="col" className="px-4 py-2 font-medium">Description</th>
                  <th scope="col" className="px-4 py-2 font-medium">Events</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2 font-medium sm:pr-6">Created</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {endpoints.data.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td className="max-w-xs px-4 py-2 sm:pl-6">
                      <Link href={`/developers/webhooks/${endpoint.id}`} className="font-mono text-xs font-medium break-all text-slate-900 underline-offset-2 hover:underline">
                        {endpoint.url}
                      </Link>
                    </td>
                    <td className="px-4 py-2 text-slate-700">{endpoint.description ?? <span className="text-slate-400">—</span>}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{describeEventTypes(endpoint.eventTypes)}</td>
                    <td className="px-4 py-2">
                      <Badge tone={webhookEndpointStatusTone[endpoint.status]}>{endpoint.status}</Badge>
                      {endpoint.failingSince ? (
                        <Badge tone="danger" className="ml-1">
                          failing
                        </Badge>
                      ) : null}
                    </td>
                    <td className="px-4 py-2 sm:pr-6"><Time value={endpoint.createdAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {endpoints.has_more ? <p className="mt-3 text-sm text-slate-600">Showing the newest {endpoints.data.length} endpoints.</p> : null}
        {!canManage ? <p className="mt-4 text-sm text-slate-600">Only owners and admins can add or change endpoints.</p> : null}
      </Card>

      {canManage ? (
        <Card title="Add an endpoint" className="mt-6">
          <ActionForm action={createEndpointAction} toastSuccess={false} className="grid gap-4">
            <ShownOnceSecret />
            <ActionTextField label="Endpoint URL" name="url" type="url" required autoComplete="off" placeholder="https://hooks.example.com/webhooks" inputMode="url" />
            <ActionTextField label="Description" name="description" autoComplete="off" maxLength={500} hint="Optional. What listens there, e.g. “Billing sync”." />
            <EventTypePicker />
            <div><SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton></div>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
