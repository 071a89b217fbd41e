import { getSignedInAccount } from '@/lib/auth/session';
import { csvDownload, plainRefusal } from '@/lib/http/csv-download';
import { statementCsvHeader, statementCsvLine } from '@/lib/ledger/statement-csv';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { portalStatementExport } from '@/lib/portal/portal-data';

// GET /account/wallet/export – the signed-in member's own wallet transactions under the page's filters, as CSV
export async function GET(request: Request) {
  const account = await getSignedInAccount();
  if (account?.audience !== 'client' || account.mustChangePassword) return plainRefusal('Sign in first.', 401);
  const { clientId, lines } = await portalStatementExport({ ...account.ctx, partnerId: account.partnerId! }, statementFiltersFrom(new URL(request.url).searchParams));
  return csvDownload(`wallet-${clientId}-${new Date().toISOString().slice(0, 10)}.csv`, statementCsvHeader, lines, statementCsvLine);
}
