import { getSignedInAccount } from '@/lib/auth/session';
import { statementCsvHeader, statementCsvLine } from '@/lib/ledger/statement-csv';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { portalStatementExport } from '@/lib/portal/portal-data';

// GET /account/wallet/export – the signed-in member's own wallet transactions under the page's filters, as CSV
export async function GET(request: Request) {
  const account = await getSignedInAccount();
  if (account?.audience !== 'client' || account.mustChangePassword) return new Response('Sign in first.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { clientId, lines } = await portalStatementExport({ ...account.ctx, partnerId: account.partnerId! }, statementFiltersFrom(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(`\uFEFF${statementCsvHeader}`)),
    async pull(controller) {
      try {
        const batch = await lines.next();
        if (batch.done) controller.close();
        else controller.enqueue(encoder.encode(batch.value.map(statementCsvLine).join('')));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="wallet-${clientId}-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
