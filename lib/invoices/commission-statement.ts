import { z } from 'zod';
import type { PartnerCtx } from '@/lib/audit/context';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { commissionReport } from '@/lib/ledger/commission-report';
import { formatInr } from '@/lib/ledger/format';
import { periodFromKey, periodKeySchema } from '@/lib/periods/ist-month';
import { partnerParty } from './parties';
import { renderPdf } from './pdf';
import { getDb } from '@/db';

export const commissionStatementSchema = z.object({ period: periodKeySchema });

const lastDay = (key: string) => {
  const period = periodFromKey(key);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(period.end.getTime() - 1));
};

/**
 * A partner's commission for one IST month as a PDF statement: the commission report (retail, wholesale and
 * margin per client, refunds counted against it) with totals. It is a statement of account, not a tax invoice:
 * the partner's margin is what its own invoices to clients carry beyond ours to it.
 */
export async function commissionStatementPdf(ctx: PartnerCtx, input: Untrusted<z.input<typeof commissionStatementSchema>>): Promise<{ filename: string; content: Buffer }> {
  const { period } = parseInput(commissionStatementSchema, input);
  const report = await commissionReport(ctx, { startDate: `${period}-01`, endDate: lastDay(period), groupBy: 'day' });
  const partner = await partnerParty(getDb(), ctx.partnerId);
  const content = await renderPdf(
    (doc) => {
      const left = 40;
      const width = doc.page.width - 80;
      doc.font('bold').fontSize(16).fillColor('#0f172a').text('Commission statement', left, 40, { width });
      doc.font('body').fontSize(10).fillColor('#334155').text(`${partner.name}${partner.gstin ? `, GSTIN ${partner.gstin}` : ''}`, { width });
      doc.text(`Month ${period} (India time), ${report.startDate} to ${report.endDate}`, { width });
      doc.moveDown();
      const cols = [0.4, 0.12, 0.16, 0.16, 0.16];
      let y = doc.y;
      const row = (cells: string[], bold = false) => {
        let x = left;
        doc.font(bold ? 'bold' : 'body').fontSize(9).fillColor('#0f172a');
        cells.forEach((cell, i) => {
          doc.text(cell, x, y, { width: cols[i]! * width - 6, align: i ? 'right' : 'left' });
          x += cols[i]! * width;
        });
        y += 16;
        if (y > doc.page.height - 80) {
          doc.addPage();
          y = 40;
        }
      };
      row(['Client', 'Charges', 'Retail', 'Wholesale', 'Commission'], true);
      for (const c of report.byClient) row([c.name, String(c.charges), formatInr(c.retail), formatInr(c.wholesale), formatInr(c.commission)]);
      if (!report.byClient.length) row(['No charges this month.', '', '', '', '']);
      row(['Total', String(report.totals.charges), formatInr(report.totals.retail), formatInr(report.totals.wholesale), formatInr(report.totals.commission)], true);
      doc.font('body').fontSize(7.5).fillColor('#475569').text('Amounts include GST. Refunds count against the month they were made in. This statement is not a tax invoice.', left, y + 10, { width });
    },
    { title: `Commission statement ${period}`, author: partner.name },
  );
  return { filename: `commission-${period}.pdf`, content };
}
