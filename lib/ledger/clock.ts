import { AsyncLocalStorage } from 'node:async_hooks';

const clock = new AsyncLocalStorage<Date>();

/** The time ledger rows are stamped with: now, or inside `atLedgerTime` the time it gives. */
export const ledgerNow = () => clock.getStore() ?? new Date();

/**
 * Runs `work` with ledger rows stamped at `at`: for importing history, for demo data (a month of
 * transactions), and for a sandbox's requests while its test clock is ahead (lib/sandbox/test-clock.ts). A
 * live partner's requests are always stamped now.
 */
export const atLedgerTime = <T>(at: Date, work: () => T): T => clock.run(at, work);
