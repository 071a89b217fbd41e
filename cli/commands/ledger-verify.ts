import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { systemCtx } from '@/lib/audit/context';
import { runLedgerVerification, verifyLedger } from '@/lib/ledger/verify-ledger';
import { defineCommand } from '../command';

export const ledgerVerifyCommand = defineCommand({
  name: 'ledger-verify',
  summary: 'Prove the ledger: every set sums to zero, every balance equals its entries, no floor broken. Exit 1 on any finding.',
  usage: '[--partner <slug>]',
  options: { partner: { type: 'string' } },
  async run(flags, io) {
    // A whole-ledger run is recorded (and alerts the operator when it fails), as the daily job's does.
    const result = flags.partner ? await verifyLedger({ partnerId: (await findPartnerBySlug(systemCtx, flags.partner)).id }) : await runLedgerVerification();
    io.out(`Checked ${result.accounts} accounts and ${result.transfers} transfers in ${result.durationMs} ms.`);
    if (result.ok) {
      io.out('Ledger verified: no problems.');
      return 0;
    }
    for (const problem of result.problems) io.err(`${problem.check}: ${problem.id} ${problem.detail}`);
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
    return 1;
  },
});
