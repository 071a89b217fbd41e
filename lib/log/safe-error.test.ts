import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { makePartner, uniqueEmail } from '@/test/factories';
import { safeErrorMessage, safeErrorStack } from './safe-error';

/** The error a failing statement really throws, through drizzle and the test database's driver. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('safeErrorMessage and safeErrorStack', () => {
  it('leave out the parameters and the row values of a failed insert', async () => {
    const partner = await makePartner('log');
    const email = uniqueEmail('dup');
    const row = { partnerId: partner.id, email, name: 'Dup', passwordHash: 'hash-never-logged-1' };
    await getDb().insert(partnerUsers).values(row);
    const error = await failure(() => getDb().insert(partnerUsers).values({ ...row, passwordHash: 'hash-never-logged-2' }));

    for (const text of [safeErrorMessage(error), safeErrorStack(error)]) {
      expect(text).not.toContain('hash-never-logged');
      expect(text).not.toContain(email);
      expect(text).not.toContain(partner.id);
      expect(text).not.toContain('params:');
      expect(text).toContain('violates unique constraint "partner_users_partner_email_key"');
      expect(text).toContain('SQLSTATE 23505; Key (partner_id, email)=(…) already exists.');
      expect(text).toContain('in query: insert into "partner_users"');
    }
    expect(safeErrorStack(error)).toMatch(/\n\s+at /);
  });

  it('leave out the failing row of a not-null violation', async () => {
    const partner = await makePartner('log');
    const email = uniqueEmail('nameless');
    const error = await failure(() => getDb().insert(partnerUsers).values({ partnerId: partner.id, email, name: null as unknown as string, passwordHash: 'hash-never-logged-3' }));
    const text = safeErrorStack(error);
    expect(text).not.toContain('hash-never-logged');
    expect(text).not.toContain(email);
    expect(text).toContain('Failing row contains (…).');
  });

  it('leave out the value a data exception quotes', async () => {
    const error = await failure(() => getDb().execute(sql`select ${'secret-value@example.com'}::uuid`));
    const text = safeErrorMessage(error);
    expect(text).not.toContain('secret-value');
    expect(text).toContain('invalid input syntax for type uuid');
  });

  it('pass other errors through as they are', () => {
    expect(safeErrorMessage(new Error('disk full'))).toBe('disk full');
    expect(safeErrorMessage('plain string')).toBe('plain string');
    expect(safeErrorStack(new TypeError('bad input'))).toMatch(/^TypeError: bad input\n\s+at /);
  });
});
