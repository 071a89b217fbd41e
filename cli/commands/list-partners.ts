import { systemCtx } from '@/lib/audit/context';
import { listPartners } from '@/lib/partners/list-partners';
import { defineCommand } from '../command';

const pageSize = 200;

type Row = Awaited<ReturnType<typeof listPartners>>['rows'][number];

async function allPartners(): Promise<Row[]> {
  const all: Row[] = [];
  for (let page = 1; ; page++) {
    const { rows, total } = await listPartners(systemCtx, { sort: { id: 'createdAt', desc: false }, page, pageSize });
    all.push(...rows);
    if (rows.length < pageSize || all.length >= total) return all;
  }
}

/** Plain columns padded to their widest cell; the last column is not padded. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

export const listPartnersCommand = defineCommand({
  name: 'list-partners',
  summary: 'List every partner with its tier, status and number of clients.',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  async run(flags, io) {
    const partners = await allPartners();
    if (flags.json) {
      const data = partners.map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        tier: p.tier,
        status: p.status,
        clients: p.clientCount,
        domains: p.domainCount,
        createdAt: p.createdAt.toISOString(),
      }));
      io.out(JSON.stringify(data, null, 2));
      return;
    }
    if (partners.length === 0) {
      io.out('No partners yet. Create one with: npm run cli -- create-partner --slug <slug> --name <name>');
      return;
    }
    const rows = partners.map((p) => [p.slug, p.name, p.tier, p.status, String(p.clientCount), p.createdAt.toISOString().slice(0, 10)]);
    for (const line of table(['SLUG', 'NAME', 'TIER', 'STATUS', 'CLIENTS', 'CREATED'], rows)) io.out(line);
    io.out(`${partners.length} partner${partners.length === 1 ? '' : 's'}`);
  },
});
