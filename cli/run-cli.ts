import { parseArgs } from 'node:util';
import { closeDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { ConfigError } from '@/lib/config/schema';
import { AppError } from '@/lib/errors/app-error';
import { safeErrorMessage } from '@/lib/log/safe-error';
import { UsageError, type CliIo, type Command } from './command';
import { createApiKeyCommand } from './commands/create-api-key';
import { createOperatorCommand } from './commands/create-operator';
import { createPartnerCommand } from './commands/create-partner';
import { createPartnerUserCommand } from './commands/create-partner-user';
import { creditPartnerCommand } from './commands/credit-partner';
import { ledgerVerifyCommand } from './commands/ledger-verify';
import { showBalancesCommand } from './commands/show-balances';
import { listApiKeysCommand } from './commands/list-api-keys';
import { listPartnersCommand } from './commands/list-partners';
import { resetPasswordCommand } from './commands/reset-password';
import { revokeApiKeyCommand } from './commands/revoke-api-key';
import { setRateLimitCommand } from './commands/set-rate-limit';

export type { CliIo } from './command';

export const commands: readonly Command[] = [
  createOperatorCommand,
  createPartnerCommand,
  createPartnerUserCommand,
  resetPasswordCommand,
  listPartnersCommand,
  setRateLimitCommand,
  createApiKeyCommand,
  listApiKeysCommand,
  revokeApiKeyCommand,
  creditPartnerCommand,
  showBalancesCommand,
  ledgerVerifyCommand,
];

const invocation = 'npm run cli --';

export function usageText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help [command]'.length) + 2;
  const lines = [
    'Switchboard admin CLI',
    '',
    `Usage: ${invocation} <command> [flags]`,
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.name.padEnd(width)}${c.usage}`, `  ${''.padEnd(width)}${c.summary}`]),
    `  ${'help [command]'.padEnd(width)}Show this text, or one command's usage (also: <command> --help).`,
    '',
    'Commands act as the system on the database named by DATABASE_URL, or on the embedded database in',
    'PGLITE_DIR when DATABASE_URL is unset. Pending migrations are applied first.',
    'With the embedded database, stop the server first: one process per data folder.',
    '',
    'A password that is not given is generated and printed once. A password given with --password is never',
    'printed, but stays in your shell history: prefer the generated one.',
  ];
  return lines.join('\n');
}

export function commandUsage(command: Command): string {
  return [`Usage: ${invocation} ${command.name} ${command.usage}`, '', command.summary].join('\n');
}

type ParsedFlags = Record<string, string | boolean | undefined>;

/** Reads the flags a command accepts; anything unknown, missing or malformed is a UsageError. */
function parseFlags(command: Command, args: string[]): ParsedFlags {
  let values: ParsedFlags;
  try {
    ({ values } = parseArgs({ args, options: command.options, strict: true, allowPositionals: false }));
  } catch (error) {
    // node:util reports bad arguments as TypeErrors with an ERR_PARSE_ARGS_* code.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
  const missing = command.required.filter((name) => typeof values[name] !== 'string' || (values[name] as string).trim() === '');
  if (missing.length) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
  command.check(values);
  return values;
}

function report(error: unknown, io: CliIo, command: Command): number {
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}`);
    io.err(commandUsage(command));
    return 2;
  }
  if (error instanceof AppError) {
    io.err(`error: ${error.message}`);
    for (const [field, message] of Object.entries(error.fieldErrors ?? {})) io.err(`  ${field}: ${message}`);
    return 1;
  }
  if (error instanceof ConfigError) {
    io.err(error.message);
    return 1;
  }
  io.err(`error: ${safeErrorMessage(error)}`);
  return 1;
}

export type RunCliOptions = {
  /** Leave the database open afterwards (tests share one database across many runs). */
  keepDatabaseOpen?: boolean;
};

/** Runs one CLI command and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic === undefined) {
      io.out(usageText());
      return 0;
    }
    const command = commands.find((c) => c.name === topic);
    if (!command) {
      io.err(`error: unknown command “${topic}”`);
      io.err(usageText());
      return 2;
    }
    io.out(commandUsage(command));
    return 0;
  }

  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command “${name}”`);
    io.err(usageText());
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandUsage(command));
    return 0;
  }

  // Flags are checked before the database is opened: a typo must not touch the data folder.
  let flags: ParsedFlags;
  try {
    flags = parseFlags(command, args);
  } catch (error) {
    return report(error, io, command);
  }

  try {
    await migrateDatabase();
    return (await command.run(flags, io)) ?? 0;
  } catch (error) {
    return report(error, io, command);
  } finally {
    if (!options.keepDatabaseOpen) await closeDatabase().catch(() => undefined);
  }
}
