/**
 * The CLI's exit codes, one meaning each, so a script can branch on them.
 * They are printed by `plugin-patterns --help` and listed in the README; the
 * numbers never change meaning between versions.
 */
export const EXIT = {
  /** The command did what was asked (for `explain`: the plugin is usable). */
  ok: 0,
  /** Something named does not exist (namespace, plugin, directory, tour) or the command failed. */
  error: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** `explain` only: the plugin was found and explained, but it is disabled or failed to load. */
  notUsable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The table printed at the end of the top-level help. */
export const EXIT_CODE_HELP: string = [
  'Exit codes:',
  '  0  success (explain: the plugin is usable)',
  '  1  not found (directory, namespace, plugin, tour) or the command failed',
  '  2  usage error (unknown command or option, missing argument)',
  '  3  explain: the plugin was found but is disabled or failed to load',
].join('\n');

/**
 * An expected failure: printed as one line (with a hint) instead of a stack
 * trace, and mapped to its exit code. Anything else that escapes a command is
 * a bug in the CLI and is printed with its stack.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: ExitCode; hint?: string | undefined } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT.error;
    this.hint = options.hint;
  }
}

/** The command line was wrong: exit 2, and point at `--help`. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.usage, hint });
    this.name = 'UsageError';
  }
}
