import { getConfig } from '@/lib/config';
import type { TxtResolver } from '@/lib/domains/verify-domain';
import type { SendingDomainRecordStatus } from '@/db/schema';

export type RecordKind = 'spf' | 'dkim' | 'dmarc';

export type DnsRecord = { kind: RecordKind; type: 'TXT'; name: string; value: string; required: boolean; status: SendingDomainRecordStatus; found: string[] };

/** The host that SPF records include: the platform's sending servers. */
export const spfInclude = () => `_spf.${getConfig().PLATFORM_DOMAIN}`;

/**
 * The records a sending domain needs: SPF (the platform's servers may send for it), DKIM (the key Switchboard
 * generated for it) and DMARC (advice: `p=none` to start, as Gmail and Yahoo require of bulk senders since 2024).
 * SPF and DKIM must be found before mail goes from the domain; DMARC is recommended and checked too.
 */
export function expectedRecords(domain: string, selector: string, publicKey: string): Omit<DnsRecord, 'status' | 'found'>[] {
  return [
    { kind: 'spf', type: 'TXT', name: domain, value: `v=spf1 include:${spfInclude()} ~all`, required: true },
    { kind: 'dkim', type: 'TXT', name: `${selector}._domainkey.${domain}`, value: `v=DKIM1; k=rsa; p=${publicKey}`, required: true },
    { kind: 'dmarc', type: 'TXT', name: `_dmarc.${domain}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}`, required: false },
  ];
}

const tags = (value: string) =>
  new Map(
    value
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).replace(/\s+/g, '')] as const;
      }),
  );

/** Whether what DNS holds at a record's name does what the record asks, whatever else is there. */
function matches(kind: RecordKind, expected: string, value: string): boolean {
  switch (kind) {
    case 'spf':
      // The domain may already have an SPF record for other senders: it only has to include ours.
      return /^v=spf1\s/i.test(value) && value.toLowerCase().split(/\s+/).includes(`include:${spfInclude()}`.toLowerCase());
    case 'dkim':
      return tags(value).get('p') === tags(expected).get('p');
    case 'dmarc':
      return /^v=DMARC1\s*;/i.test(value);
  }
}

/** Which TXT records of a name are of the record's kind, to tell a wrong value from a missing one. */
function ofKind(kind: RecordKind, value: string): boolean {
  if (kind === 'spf') return /^v=spf1/i.test(value);
  if (kind === 'dkim') return /(^|;)\s*(v=DKIM1|p=)/i.test(value);
  return /^v=DMARC1/i.test(value);
}

/** Looks each record up with the given resolver (node:dns in production, a fake in tests) and says what it found. */
export async function checkRecords(records: Omit<DnsRecord, 'status' | 'found'>[], resolveTxt: TxtResolver): Promise<DnsRecord[]> {
  return Promise.all(
    records.map(async (record) => {
      let values: string[];
      try {
        values = (await resolveTxt(record.name)).map((chunks) => chunks.join('').trim());
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOTFOUND' || code === 'ENODATA') return { ...record, status: 'missing' as const, found: [] };
        return { ...record, status: 'pending' as const, found: [] };
      }
      const relevant = values.filter((v) => ofKind(record.kind, v));
      const status: SendingDomainRecordStatus = relevant.some((v) => matches(record.kind, record.value, v)) ? 'verified' : relevant.length ? 'mismatch' : 'missing';
      return { ...record, status, found: relevant.map((v) => v.slice(0, 300)) };
    }),
  );
}
