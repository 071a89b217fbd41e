import { checkDatabaseNow } from '@/db/availability';

export type Readiness = { ready: boolean; body: { status: 'ok' | 'unavailable'; database: 'up' | 'unreachable' } };

/** Whether this process can serve requests that need the database: PostgreSQL is asked now. */
export async function readiness(): Promise<Readiness> {
  const up = await checkDatabaseNow();
  return { ready: up, body: up ? { status: 'ok', database: 'up' } : { status: 'unavailable', database: 'unreachable' } };
}
