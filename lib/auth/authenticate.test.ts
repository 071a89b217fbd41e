import { describe, expect, it } from 'vitest';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { getConfig } from '@/lib/config';
import { createOperator } from '@/lib/operators/manage-operators';
import { setPartnerStatus } from '@/lib/partners/update-partner';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import { makePartner, makeStaff, subdomainOf, systemFor, unique, uniqueEmail } from '@/test/factories';
import { authenticate } from './authenticate';
import { failureDelayMs, recordFailure, throttleKeys, throttlePolicy } from './login-throttle';

const platformHost = () => getConfig().PLATFORM_DOMAIN;
const signIn = (host: string | null, email: string, password: string) => authenticate({ host, email, password, ip: null });

const slow = { timeout: 30_000 };

describe('authenticate', () => {
  it('signs an operator in on the platform host, and nowhere else', async () => {
    const email = uniqueEmail('operator');
    const password = 'operator-pass-1';
    const operator = await createOperator(systemCtx, { email, name: 'Olga Operator', password });

    expect(await signIn(`${platformHost()}:3000`, ` ${email.toUpperCase()} `, password)).toEqual({
      ok: true,
      user: { id: operator.id, name: 'Olga Operator', email, audience: 'operator', partnerId: null },
    });

    const partner = await makePartner('opshost');
    expect(await signIn(subdomainOf(partner.slug), email, password)).toEqual({ ok: false, reason: 'invalid' });
  }, slow.timeout);

  it('signs a partner user in on their partner’s subdomain', async () => {
    const partner = await makePartner('auth');
    const staff = await makeStaff(partner.id, 'admin');
    expect(await signIn(subdomainOf(partner.slug), staff.email, staff.password)).toEqual({
      ok: true,
      user: { id: staff.id, name: 'Test admin', email: staff.email, audience: 'partner', partnerId: partner.id },
    });
  });

  it('does not know a partner user on another partner’s host, the platform host or an unknown host', async () => {
    const partner = await makePartner('home');
    const elsewhere = await makePartner('away');
    const staff = await makeStaff(partner.id, 'owner');
    for (const host of [subdomainOf(elsewhere.slug), platformHost(), subdomainOf(`nobody-${unique()}`), 'unknown.example.org', null]) {
      expect(await signIn(host, staff.email, staff.password)).toEqual({ ok: false, reason: 'invalid' });
    }
  }, slow.timeout);

  it('refuses a wrong password, and answers it slowly', async () => {
    const partner = await makePartner('wrong');
    const staff = await makeStaff(partner.id);
    const started = Date.now();
    expect(await signIn(subdomainOf(partner.slug), staff.email, 'not-the-password-1')).toEqual({ ok: false, reason: 'invalid' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(failureDelayMs(1) - 10);
    expect(await signIn(subdomainOf(partner.slug), uniqueEmail('nobody'), staff.password)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses everyone on a suspended partner’s host until it is reactivated', async () => {
    const partner = await makePartner('suspended');
    const staff = await makeStaff(partner.id, 'owner');
    await setPartnerStatus(systemCtx, { partnerId: partner.id, status: 'suspended', reason: 'test' });
    expect(await signIn(subdomainOf(partner.slug), staff.email, staff.password)).toEqual({ ok: false, reason: 'invalid' });

    await setPartnerStatus(systemCtx, { partnerId: partner.id, status: 'active' });
    expect(await signIn(subdomainOf(partner.slug), staff.email, staff.password)).toMatchObject({ ok: true });
  });

  it('signs in a member of an active client, but not of a client that is not active yet', async () => {
    const partner = await makePartner('clients');
    const activeEmail = uniqueEmail('client');
    const pendingEmail = uniqueEmail('client');
    const password = 'client-pass-1';
    await seedClient(systemFor(partner.id), { name: 'Active Client', email: activeEmail, status: 'active', owner: { name: 'Cora Client', password } });
    await seedClient(systemFor(partner.id), { name: 'Pending Client', email: pendingEmail, status: 'pending', owner: { name: 'Pete Pending', password } });

    expect(await signIn(subdomainOf(partner.slug), activeEmail, password)).toMatchObject({ ok: true, user: { audience: 'client', partnerId: partner.id, email: activeEmail } });
    expect(await signIn(subdomainOf(partner.slug), pendingEmail, password)).toEqual({ ok: false, reason: 'invalid' });
  });

  it(
    'locks an account after 5 wrong passwords, refuses even the right one while locked, and a reset lifts the lock',
    async () => {
      const partner = await makePartner('lock');
      const staff = await makeStaff(partner.id);
      const host = subdomainOf(partner.slug);

      const results = [];
      for (let i = 0; i < throttlePolicy.maxAccountFailures; i++) results.push(await signIn(host, staff.email, `wrong-password-${i}`));
      expect(results.slice(0, -1)).toEqual(Array(throttlePolicy.maxAccountFailures - 1).fill({ ok: false, reason: 'invalid' }));

      const locked = results.at(-1)!;
      expect(locked).toMatchObject({ ok: false, reason: 'locked', locked: 'account' });
      const until = (locked as { until: Date }).until;
      expect(until.getTime()).toBeGreaterThan(Date.now());
      expect(until.getTime()).toBeLessThanOrEqual(Date.now() + throttlePolicy.lockMs);

      // While locked the password is not even checked: the right one is refused too, at once.
      const started = Date.now();
      expect(await signIn(host, staff.email, staff.password)).toEqual({ ok: false, reason: 'locked', locked: 'account', until });
      expect(Date.now() - started).toBeLessThan(failureDelayMs(1));

      // The lock is per account: a colleague on the same partner can still sign in.
      const colleague = await makeStaff(partner.id);
      expect(await signIn(host, colleague.email, colleague.password)).toMatchObject({ ok: true });

      // An operator resetting the password lets the person back in.
      const fresh = 'a-fresh-password-9';
      await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: staff.email, password: fresh });
      expect(await signIn(host, staff.email, fresh)).toMatchObject({ ok: true });
    },
    slow.timeout,
  );

  it(
    'locks an IP after 30 failures across accounts and says it is the IP, while other addresses sign in',
    async () => {
      const partner = await makePartner('iplock');
      const staff = await makeStaff(partner.id);
      const host = subdomainOf(partner.slug);
      const ip = `ip-${unique()}`;
      // 29 failures from the address, each for an account of its own, as a password sprayer makes them.
      for (let i = 1; i < throttlePolicy.maxIpFailures; i++) await recordFailure(throttleKeys(partner.id, uniqueEmail('sprayed'), ip));

      const last = await authenticate({ host, email: uniqueEmail('sprayed'), password: 'wrong-password-1', ip });
      expect(last).toMatchObject({ ok: false, reason: 'locked', locked: 'ip' });
      // Even the right password is refused from there, and the answer still names the IP, not the account.
      expect(await authenticate({ host, email: staff.email, password: staff.password, ip })).toMatchObject({ ok: false, reason: 'locked', locked: 'ip' });
      expect(await authenticate({ host, email: staff.email, password: staff.password, ip: `ip-${unique()}` })).toMatchObject({ ok: true });

      // Another partner's user behind the same address is not locked out by failures aimed at this partner.
      const other = await makePartner('iplock-other');
      const otherStaff = await makeStaff(other.id);
      expect(await authenticate({ host: subdomainOf(other.slug), email: otherStaff.email, password: otherStaff.password, ip })).toMatchObject({ ok: true });
      // Nor is an operator on the platform host.
      const operatorEmail = uniqueEmail('operator');
      await createOperator(systemCtx, { email: operatorEmail, name: 'Ida Operator', password: 'operator-pass-1' });
      expect(await authenticate({ host: platformHost(), email: operatorEmail, password: 'operator-pass-1', ip })).toMatchObject({ ok: true });
    },
    slow.timeout,
  );

  it(
    'forgives earlier failures after a successful sign-in',
    async () => {
      const partner = await makePartner('forgive');
      const staff = await makeStaff(partner.id);
      const host = subdomainOf(partner.slug);
      for (let i = 0; i < throttlePolicy.maxAccountFailures - 1; i++) expect(await signIn(host, staff.email, 'wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });
      expect(await signIn(host, staff.email, staff.password)).toMatchObject({ ok: true });
      expect(await signIn(host, staff.email, 'wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });
    },
    slow.timeout,
  );
});

describe('failureDelayMs', () => {
  it('doubles with each failure from a quarter second and stops at four seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 1000].map(failureDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
    expect(failureDelayMs(0)).toBe(250);
  });
});
