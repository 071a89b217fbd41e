import { describe, expect, it, vi } from 'vitest';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { resolveHost } from '@/lib/tenancy/resolve-host';
import { makePartner, systemFor, unique, uniqueDomain } from '@/test/factories';
import { addDomain, listDomains, removeDomain, verificationRecord } from './manage-domains';
import { verifyDomain, type TxtResolver } from './verify-domain';

/** A DNS that answers every TXT lookup with these records (each record a list of chunks). */
const dnsAnswering = (records: string[][]) => vi.fn<TxtResolver>(async () => records);

/** A DNS lookup that fails the way node:dns does, with an error code. */
const dnsFailing = (code: string) =>
  vi.fn<TxtResolver>(async (name) => {
    throw Object.assign(new Error(`queryTxt ${code} ${name}`), { code });
  });

async function partnerWithDomain(hostname = uniqueDomain()) {
  const partner = await makePartner('dns');
  const ctx = systemFor(partner.id);
  const domain = await addDomain(ctx, { hostname });
  return { partner, ctx, domain, record: verificationRecord(domain.hostname, domain.verificationToken) };
}

describe('addDomain', () => {
  it('normalises the domain and tells the partner which TXT record to create', async () => {
    const partner = await makePartner('dns');
    const hostname = uniqueDomain();
    const domain = await addDomain(systemFor(partner.id), { hostname: `https://WWW.${hostname.toUpperCase()}/login` });
    expect(domain).toMatchObject({ hostname, status: 'pending', verifiedAt: null, partnerId: partner.id });
    expect(domain.record).toEqual({ type: 'TXT', name: `_verify.${hostname}`, value: `domain-verification=${domain.verificationToken}` });
    expect(domain.verificationToken).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses the platform’s own domain and its subdomains', async () => {
    const partner = await makePartner('dns');
    const platform = getConfig().PLATFORM_DOMAIN;
    for (const hostname of [`other-${unique()}.${platform}`, platform]) {
      await expect(addDomain(systemFor(partner.id), { hostname })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { hostname: expect.any(String) } });
    }
    expect((await listDomains(systemFor(partner.id))).custom).toEqual([]);
  });

  it('refuses IP addresses and things that are not domain names', async () => {
    const partner = await makePartner('dns');
    for (const hostname of ['192.168.1.10', 'localhost', 'not a domain', '']) {
      await expect(addDomain(systemFor(partner.id), { hostname })).rejects.toMatchObject({ code: 'validation_failed' });
    }
  });

  it('refuses the same domain twice for one partner, however it is written', async () => {
    const { ctx, domain } = await partnerWithDomain();
    await expect(addDomain(ctx, { hostname: `WWW.${domain.hostname}.` })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { hostname: 'You have already added this domain.' },
    });
  });
});

describe('verifyDomain', () => {
  it('verifies the domain when the TXT record is there, and the domain then resolves to the partner', async () => {
    const { partner, ctx, domain, record } = await partnerWithDomain();
    const dns = dnsAnswering([['v=spf1 -all'], [record.value]]);
    const verified = await verifyDomain(ctx, domain.id, dns);

    expect(dns).toHaveBeenCalledWith(`_verify.${domain.hostname}`);
    expect(verified).toMatchObject({ status: 'verified', failureReason: null });
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect(verified.checkedAt).toBeInstanceOf(Date);
    expect(await resolveHost(domain.hostname)).toMatchObject({ kind: 'partner', tenant: { partnerId: partner.id } });
    expect((await listPartnerAudit(ctx, { targetId: domain.id })).map((e) => e.action)).toEqual(['domain.verified', 'domain.added']);
  });

  it('accepts a record that DNS returns split into chunks', async () => {
    const { ctx, domain, record } = await partnerWithDomain();
    const verified = await verifyDomain(ctx, domain.id, dnsAnswering([[record.value.slice(0, 10), record.value.slice(10, 30), record.value.slice(30)]]));
    expect(verified.status).toBe('verified');
  });

  it.each(['ENOTFOUND', 'ENODATA'])('fails with a reason naming the record when it is missing (%s)', async (code) => {
    const { ctx, domain } = await partnerWithDomain();
    const failed = await verifyDomain(ctx, domain.id, dnsFailing(code));
    expect(failed.status).toBe('failed');
    expect(failed.verifiedAt).toBeNull();
    expect(failed.checkedAt).toBeInstanceOf(Date);
    expect(failed.failureReason).toBe(`No TXT record found at _verify.${domain.hostname}. DNS changes can take a while to appear; try again later.`);
    expect(await resolveHost(domain.hostname)).toEqual({ kind: 'unknown' });
  });

  it('fails with a reason showing what was found when the value is wrong', async () => {
    const { ctx, domain, record } = await partnerWithDomain();
    const failed = await verifyDomain(ctx, domain.id, dnsAnswering([['domain-verification=wrong']]));
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain(`_verify.${domain.hostname}`);
    expect(failed.failureReason).toContain('domain-verification=wrong');
    expect(failed.failureReason).toContain(record.value);
  });

  it('fails, saying so, when the record is empty', async () => {
    const { ctx, domain } = await partnerWithDomain();
    const failed = await verifyDomain(ctx, domain.id, dnsAnswering([]));
    expect(failed).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('an empty record') });
  });

  it('fails with the error code when the lookup itself goes wrong, and can be retried', async () => {
    const { ctx, domain, record } = await partnerWithDomain();
    const failed = await verifyDomain(ctx, domain.id, dnsFailing('ETIMEOUT'));
    expect(failed).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('ETIMEOUT') });
    expect(failed.failureReason).toContain(`_verify.${domain.hostname}`);

    const unexplained = await verifyDomain(ctx, domain.id, vi.fn<TxtResolver>(async () => Promise.reject(new Error('boom'))));
    expect(unexplained).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('unknown error') });

    const retried = await verifyDomain(ctx, domain.id, dnsAnswering([[record.value]]));
    expect(retried).toMatchObject({ status: 'verified', failureReason: null });
  });

  it('does not look the record up again once a domain is verified', async () => {
    const { ctx, domain, record } = await partnerWithDomain();
    await verifyDomain(ctx, domain.id, dnsAnswering([[record.value]]));
    const dns = dnsFailing('ENOTFOUND');
    expect(await verifyDomain(ctx, domain.id, dns)).toMatchObject({ status: 'verified' });
    expect(dns).not.toHaveBeenCalled();
  });

  it('lets only one partner verify a domain: the second claim fails and the first keeps it', async () => {
    const hostname = uniqueDomain('shared');
    const first = await partnerWithDomain(hostname);
    await verifyDomain(first.ctx, first.domain.id, dnsAnswering([[first.record.value]]));

    // Anyone may claim a domain; a pending claim is no threat.
    const second = await partnerWithDomain(hostname);
    // Even with their own record in DNS (both may be there), the second partner cannot take it over.
    const attempt = await verifyDomain(second.ctx, second.domain.id, dnsAnswering([[first.record.value], [second.record.value]]));
    expect(attempt).toMatchObject({ status: 'failed', failureReason: 'This domain is already verified for another account.', verifiedAt: null });

    expect(await resolveHost(hostname)).toMatchObject({ kind: 'partner', tenant: { partnerId: first.partner.id } });
    const [firstRow] = (await listDomains(first.ctx)).custom;
    expect(firstRow).toMatchObject({ id: first.domain.id, status: 'verified' });
  });

  it('answers 404 for another partner’s domain and never looks it up or changes it', async () => {
    const owner = await partnerWithDomain();
    const other = await makePartner('dns');
    const dns = dnsAnswering([[owner.record.value]]);

    const error = await verifyDomain(systemFor(other.id), owner.domain.id, dns).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(dns).not.toHaveBeenCalled();

    await expect(removeDomain(systemFor(other.id), owner.domain.id)).rejects.toMatchObject({ code: 'not_found', status: 404 });

    const [row] = (await listDomains(owner.ctx)).custom;
    expect(row).toMatchObject({ id: owner.domain.id, status: 'pending', checkedAt: null, failureReason: null });
  });

  it('answers 404 for an id that does not exist', async () => {
    const { ctx } = await partnerWithDomain();
    await expect(verifyDomain(ctx, 'hst_01h455vb4pex5vsknk084sn02q', dnsAnswering([]))).rejects.toMatchObject({ code: 'not_found' });
  });
});
