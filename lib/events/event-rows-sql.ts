import { sql, type SQL } from 'drizzle-orm';
import { newId } from '@/lib/ids';
import type { EventType } from './catalogue';

export type NamedCte = { name: string; body: SQL };

/**
 * emitEvent as CTEs for a statement that writes everything at once: the event row and its deliveries to the
 * endpoints read beforehand, each written only if the CTE named by `when` has a row. `name` prefixes the CTEs
 * so several events fit in one statement; each returns its rows, so the statement can wait for them.
 */
export function eventRowsSql(name: string, when: string, partnerId: string, type: EventType, data: Record<string, unknown>, endpointIds: string[]): NamedCte[] {
  const event = `${name}_event`;
  const ctes: NamedCte[] = [
    { name: event, body: sql`insert into events (id, partner_id, type, data) select ${newId('event')}, ${partnerId}, ${type}, ${JSON.stringify(data)}::jsonb from ${sql.raw(when)} returning id` },
  ];
  if (endpointIds.length) {
    const values = sql.join(endpointIds.map((id) => sql`(${newId('webhookDelivery')}::text, ${id}::text)`), sql`, `);
    ctes.push({
      name: `${name}_deliveries`,
      body: sql`insert into webhook_deliveries (id, partner_id, endpoint_id, event_id) select v.id, ${partnerId}, v.endpoint_id, e.id from ${sql.raw(event)} e, (values ${values}) as v(id, endpoint_id) returning 1`,
    });
  }
  return ctes;
}

/** Which of these endpoints (id and subscribed types, as read with the rest of a statement's inputs) get `type`. */
export const endpointsFor = (endpoints: { id: string; event_types: string[] }[], type: EventType) => endpoints.filter((e) => e.event_types.includes('*') || e.event_types.includes(type)).map((e) => e.id);
