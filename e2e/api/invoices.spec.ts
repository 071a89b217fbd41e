import { extractText } from 'unpdf';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { seedInvoicedMonth, sharedDatabase } from './support/shared-database';

test.skip(!sharedDatabase, 'needs DATABASE_URL: the month of charges is written beside the server');

test('a client’s monthly invoice over REST: listed, read, its PDF downloaded and readable; another partner gets 404', async ({ world, operator }) => {
  const { clientId, period } = await seedInvoicedMonth(world.a.id);
  const key = await operator.createApiKey(world.a.id, { name: 'Invoices reader', mode: 'live', scopes: ['invoices:read'] });
  const list = await call('GET', `/invoices?customer_id=${clientId}&period=${period}`, { key });
  expect(list.status, list.text).toBe(200);
  const [summary] = (list.json as { data: { id: string; number: string; total: number; taxable: number; cgst: number; sgst: number; igst: number; rounding: number }[] }).data;
  expect(summary).toBeDefined();
  // ₹1,000 toll-free rental and 120 outbound minutes at 90 paise, GST included.
  expect(summary!.total).toBe(1_00_000 + 120 * 90);
  expect(summary!.taxable + summary!.cgst + summary!.sgst + summary!.igst + summary!.rounding).toBe(summary!.total);

  const detail = await call('GET', `/invoices/${summary!.id}`, { key });
  expect(detail.json).toMatchObject({ object: 'invoice', number: summary!.number, client_id: clientId, lines: [expect.objectContaining({ sac: '998423' }), expect.objectContaining({ sac: '998412' })] });

  const pdf = await call('GET', `/invoices/${summary!.id}/pdf`, { key });
  expect(pdf.status, pdf.text).toBe(200);
  const bytes = Buffer.from((pdf.json as { content_base64: string }).content_base64, 'base64');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  expect(text).toContain(summary!.number);
  expect(text).toContain('₹1,108.00');

  expectProblem(await call('GET', `/invoices/${summary!.id}/pdf`, { key: world.b.live }), 404, 'not_found');
  expectProblem(await call('GET', '/invoices', { key: await operator.createApiKey(world.a.id, { name: 'No invoices', mode: 'live', scopes: ['clients:read'] }) }), 403, 'insufficient_scope');
});
