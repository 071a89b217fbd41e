import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/db/schema';
import { workspaceProducts } from '@/lib/workspaces/charge-workspace';
import { describeProduct, sacOf, taxDocument } from './gst';
import { invoiceLines, invoiceTitle, invoiceTotals, istDate, partyLines, placeOfSupplyLabel } from './invoice-view';

const seller = { name: 'Acme Telecom Pvt Ltd', address: '12 Marine Drive, Mumbai', stateCode: '27', stateName: 'Maharashtra', pin: '400002', gstin: '27AAACA1234A1ZK' };

describe('invoice view', () => {
  it('names a workspace’s plan and add-ons under the codes they are charged by, as hosted software', () => {
    expect([workspaceProducts.plan, workspaceProducts.addon].map((product) => [describeProduct(product), sacOf(product)])).toEqual([
      ['Workspace plan', '998315'],
      ['Workspace add-on', '998315'],
    ]);
  });

  it('shows each line’s figures and the totals as the document computed them, GST per line being amount less taxable', () => {
    const doc = taxDocument([{ product: 'workspace_plan', unitRate: 99_900n, quantity: 1n, gross: 99_900n }], 'intra');
    const [line] = invoiceLines(doc);
    // A chat-bot workspace is hosted software, like a voice bot: SAC 998315, named on the line.
    expect(doc.lines[0]!.sac).toBe('998315');
    expect(line).toMatchObject({ product: 'workspace_plan', sac: '998315', quantity: '1', rate: '₹999.00', amount: '₹999.00', taxable: '₹846.61', gst: '₹152.39' });
    const totals = invoiceTotals({ ...doc, kind: 'invoice', supply: 'intra' });
    expect(totals.rows.map(([label]) => label)).toEqual(['Taxable value', 'CGST 9%', 'SGST 9%', 'Rounding']);
    expect(totals.rows.reduce((sum, [, amount]) => sum + amount, 0n)).toBe(doc.total);
    expect(totals.total).toEqual(['Total', 99_900n]);
  });

  it('uses IGST across states, no tax on a bill of supply, and names a credit note’s total', () => {
    const inter = taxDocument([{ product: 'call_minute_outbound', unitRate: 97n, quantity: 10n, gross: 970n }], 'inter');
    expect(invoiceTotals({ ...inter, kind: 'credit_note', supply: 'inter' })).toMatchObject({ rows: [['Taxable value', 822n], ['IGST 18%', 148n], ['Rounding', 0n]], total: ['Total credited', 970n] });
    const none = taxDocument([{ product: 'call_minute_outbound', unitRate: 97n, quantity: 10n, gross: 970n }], 'none');
    expect(invoiceTotals({ ...none, kind: 'invoice', supply: 'none' }).rows.map(([label]) => label)).toEqual(['Taxable value', 'Rounding']);
    expect(invoiceTitle({ kind: 'invoice', supply: 'none' })).toBe('Bill of supply');
    expect(invoiceTitle({ kind: 'credit_note', supply: 'inter' })).toBe('Credit note');
    expect(invoiceTitle({ kind: 'invoice', supply: 'intra' })).toBe('Tax invoice');
  });

  it('prints dates in India time, states with their codes, and an unregistered party as such', () => {
    // 20:00 UTC on 31 October is already 1 November in India.
    expect(istDate(new Date('2026-10-31T20:00:00Z'))).toBe('1 Nov 2026');
    expect(placeOfSupplyLabel('29')).toBe('Karnataka (29)');
    expect(placeOfSupplyLabel('')).toBe('—');
    expect(partyLines(seller)).toEqual({ state: 'Maharashtra (27), PIN 400002', gstin: 'GSTIN 27AAACA1234A1ZK' });
    const buyer: Invoice['buyer'] = { name: 'Plan Client', address: '', stateCode: '', stateName: '', pin: null, gstin: null };
    expect(partyLines(buyer)).toEqual({ state: 'State not on record', gstin: 'Unregistered (no GSTIN)' });
  });
});
