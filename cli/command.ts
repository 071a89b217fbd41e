/** Where a command writes: one line per call. The CLI prints to stdout/stderr; tests collect the lines. */
export type CliIo = { out(line: string): void; err(line: string): void };

type FlagSpec = { type: 'string' | 'boolean'; short?: string };
type FlagSpecs = Record<string, FlagSpec>;
type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : string;

/** Parsed flags: the required ones are always present (and non-empty), the rest may be missing. */
export type FlagValues<O extends FlagSpecs, R extends keyof O> = { [K in R]: FlagValue<O[K]> } & { [K in Exclude<keyof O, R>]?: FlagValue<O[K]> };

type RawFlags = Record<string, string | boolean | undefined>;

export type Command = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The flags, as shown after the command name in the usage text. */
  usage: string;
  options: FlagSpecs;
  required: readonly string[];
  /** Checks that flags make sense together before anything touches the database. */
  check(flags: RawFlags): void;
  /** Does the work; returns the exit code (0 when nothing is returned). */
  run(flags: RawFlags, io: CliIo): Promise<number | void>;
};

/** Wrong use of the CLI itself (unknown flag, missing value): reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function defineCommand<O extends FlagSpecs, R extends keyof O & string = never>(definition: {
  name: string;
  summary: string;
  usage: string;
  options: O;
  required?: readonly R[];
  check?: (flags: FlagValues<O, R>) => void;
  run: (flags: FlagValues<O, R>, io: CliIo) => Promise<number | void>;
}): Command {
  return {
    name: definition.name,
    summary: definition.summary,
    usage: definition.usage,
    options: definition.options,
    required: definition.required ?? [],
    check: (flags) => definition.check?.(flags as FlagValues<O, R>),
    run: (flags, io) => definition.run(flags as FlagValues<O, R>, io),
  };
}
