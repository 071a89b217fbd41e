import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Invoice, InvoiceParty } from '@/db/schema';
import { formatInr } from '@/lib/ledger/format';
import { invoiceLines, invoiceTitle, invoiceTotals, istDate, partyHeadings, partyLines, placeOfSupplyLabel, taxNote } from './invoice-view';

/**
 * DejaVu Sans (Bitstream Vera licence, which allows embedding and redistribution; lib/invoices/fonts/LICENSE):
 * it has the rupee sign ₹ (U+20B9), which the PDF standard fonts lack. Read from the project directory at run
 * time (pdfkit is a server-external package, so it is not bundled).
 */
const fontDir = path.join(process.cwd(), 'lib', 'invoices', 'fonts');
const fonts = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

/** Builds a PDF with pdfkit and collects it into one buffer. */
export function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, info: { title: string; author: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Uncompressed: deflating the embedded font subset doubled the time to draw one, and the files stay small.
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: info.title, Author: info.author }, compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    doc.font('body');
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function partyBlock(doc: PDFKit.PDFDocument, heading: string, party: InvoiceParty, x: number, y: number, width: number) {
  doc.font('bold').fontSize(8).fillColor('#64748b').text(heading.toUpperCase(), x, y, { width });
  doc.font('bold').fontSize(10).fillColor('#0f172a').text(party.name, { width });
  doc.font('body').fontSize(9);
  if (party.address) doc.text(party.address, { width });
  const lines = partyLines(party);
  doc.text(lines.state, { width });
  doc.text(lines.gstin, { width });
  return doc.y;
}

/**
 * One invoice or credit note as CGST Rule 46 asks: supplier and recipient with addresses and GSTINs, a
 * consecutive number and date, the place of supply, each line's SAC, quantity, rate and taxable value, the tax
 * by kind and rate, the rounding line, the total, the reverse-charge flag and the signature line. The issuer's
 * brand (a partner's product name and colour) heads it.
 */
export function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  const title = invoiceTitle(invoice);
  const headings = partyHeadings(invoice);
  const brand = invoice.seller.brand;
  return renderPdf(
    (doc) => {
      const left = 40;
      const width = doc.page.width - 80;
      const color = brand?.primaryColor && /^#[0-9a-f]{6}$/i.test(brand.primaryColor) ? brand.primaryColor : '#0f172a';
      doc.rect(0, 0, doc.page.width, 6).fill(color);
      doc.font('bold').fontSize(16).fillColor(color).text(brand?.productName || invoice.seller.name, left, 28, { width: width / 2 });
      doc.font('bold').fontSize(14).fillColor('#0f172a').text(title, left + width / 2, 28, { width: width / 2, align: 'right' });
      doc.font('body').fontSize(9).fillColor('#334155');
      const meta = [`No. ${invoice.number}`, `Date ${istDate(invoice.issuedAt)}`, `Period ${invoice.period}`, `Place of supply ${placeOfSupplyLabel(invoice.placeOfSupply)}`, 'Reverse charge: No'];
      doc.text(meta.join('\n'), left + width / 2, doc.y + 4, { width: width / 2, align: 'right' });
      if (invoice.refersTo.length) doc.text(`Against invoice ${invoice.refersTo.map((r) => r.number).join(', ')}`, { width: width / 2, align: 'right' });
      const top = Math.max(doc.y, 110) + 12;
      const afterSeller = partyBlock(doc, headings.seller, invoice.seller, left, top, width / 2 - 10);
      const afterBuyer = partyBlock(doc, headings.buyer, invoice.buyer, left + width / 2 + 10, top, width / 2 - 10);

      // Lines: description, SAC, quantity, rate (incl. GST), amount (incl. GST), taxable value.
      const cols = [
        { label: 'Description', w: 0.34, align: 'left' as const },
        { label: 'SAC', w: 0.1, align: 'left' as const },
        { label: 'Qty', w: 0.1, align: 'right' as const },
        { label: 'Rate', w: 0.14, align: 'right' as const },
        { label: 'Amount', w: 0.16, align: 'right' as const },
        { label: 'Taxable value', w: 0.16, align: 'right' as const },
      ];
      let y = Math.max(afterSeller, afterBuyer) + 18;
      const row = (cells: string[], bold = false) => {
        let x = left;
        doc.font(bold ? 'bold' : 'body').fontSize(8.5).fillColor('#0f172a');
        const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: cols[i]!.w * width - 6 }));
        cells.forEach((cell, i) => {
          doc.text(cell, x, y, { width: cols[i]!.w * width - 6, align: cols[i]!.align });
          x += cols[i]!.w * width;
        });
        y += Math.max(...heights) + 5;
        if (y > doc.page.height - 140) {
          doc.addPage();
          y = 40;
        }
      };
      row(cols.map((c) => c.label), true);
      doc.moveTo(left, y - 2).lineTo(left + width, y - 2).strokeColor('#cbd5e1').stroke();
      for (const line of invoiceLines(invoice)) row([line.description, line.sac, line.quantity, line.rate, line.amount, line.taxable]);
      doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#cbd5e1').stroke();
      y += 8;

      const totals = invoiceTotals(invoice);
      for (const [label, amount] of totals.rows) {
        doc.font('body').fontSize(9).fillColor('#0f172a').text(label, left + width * 0.5, y, { width: width * 0.3 });
        doc.text(formatInr(amount), left + width * 0.8, y, { width: width * 0.2, align: 'right' });
        y += 14;
      }
      doc.font('bold').fontSize(11).text(totals.total[0], left + width * 0.5, y + 2, { width: width * 0.3 });
      doc.text(formatInr(totals.total[1]), left + width * 0.8, y + 2, { width: width * 0.2, align: 'right' });
      y += 28;
      doc.font('body').fontSize(7.5).fillColor('#475569');
      doc.text(taxNote(invoice), left, y, { width });
      doc.text('Computer-generated document; authorised signatory: ' + invoice.seller.name, left, doc.y + 6, { width });
    },
    { title: `${title} ${invoice.number}`, author: invoice.seller.name },
  );
}
