/**
 * The CLI as a function: arguments and an io in, an exit code out. The bin is
 * a three-line wrapper around it, and tests call it directly (or run the bin
 * as a child process, for what only a real process shows).
 *
 * Errors are sorted here: an expected one (CliError, or a typed PluginError
 * that names its plugin and stage) is one line on stderr plus a hint; anything
 * else is a bug in the CLI, printed with its stack.
 */
import { createRequire } from 'node:module';
import { PluginError } from '@plugin-patterns/loader';
import { closestName } from '@plugin-patterns/loader/invocation';
import { type CliIo, processIo } from './cli-io.ts';
import { parseCommand } from './command-spec.ts';
import { type Command, type CommandContext, printJson } from './commands/command.ts';
import { explainCommand } from './commands/explain.ts';
import { listCommand } from './commands/list.ts';
import { manifestCommand } from './commands/manifest.ts';
import { tourCommand } from './commands/tour.ts';
import { CliError, EXIT, type ExitCode, UsageError } from './exit-codes.ts';
import { commandHelp, mainHelp } from './help.ts';
import type { ScanProject } from './project/open-project.ts';
import { createPalette, shouldUseColour } from './render/colour.ts';
import { escapeText } from './render/escape-text.ts';

export const COMMANDS: readonly Command[] = [
  listCommand,
  explainCommand,
  manifestCommand,
  tourCommand,
];

export interface MainOptions {
  readonly io?: CliIo;
  /** How a project folder is scanned. The bin passes the loader's package scan. */
  readonly scanProject: ScanProject;
  /** How `tour` finds the tour module (a seam for tests). */
  readonly importTour?: CommandContext['importTour'];
}

export async function main(argv: readonly string[], options: MainOptions): Promise<ExitCode> {
  const io = options.io ?? processIo();
  const { args: rest0, noColor, json } = globalFlags(argv);
  const colour = (isTTY: boolean) => shouldUseColour({ isTTY, env: io.env, noColorFlag: noColor });
  const palette = createPalette(colour(io.stdoutIsTTY));
  const errors = createPalette(colour(io.stderrIsTTY));
  try {
    const [name, ...rest] = rest0;
    // Run with nothing, the CLI says what it can do: asking is not a mistake.
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(
        mainHelp(
          COMMANDS.map((c) => c.spec),
          version(),
        ),
      );
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command === undefined) throw unknownCommand(name);
    const args = parseCommand(command.spec, rest);
    if (args.boolean('help')) {
      io.stdout(commandHelp(command.spec));
      return EXIT.ok;
    }
    return await command.run(args, {
      io,
      palette,
      scanProject: options.scanProject,
      importTour: options.importTour,
    });
  } catch (error) {
    return json ? reportJson(error, io) : report(error, io, errors);
  }
}

/**
 * The flags every command and the bare CLI take, wherever they stand before
 * `--`: `--no-color` is taken out here (it decides the palette before any
 * command runs); `--json` stays for the command, and is noted so that an
 * error, too, comes out as JSON.
 */
function globalFlags(argv: readonly string[]): { args: string[]; noColor: boolean; json: boolean } {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  const args = argv.filter((arg, i) => arg !== '--no-color' || (end !== -1 && i > end));
  return { args, noColor: flags.includes('--no-color'), json: flags.includes('--json') };
}

/**
 * With `--json`, a script reads stdout: an error is a JSON object there too,
 * `{ "error": { kind, message, hint?, exitCode } }`, and the exit code is the
 * same as without `--json`. Nothing goes to stderr, so `2>/dev/null` hides
 * nothing a script needs.
 */
function reportJson(error: unknown, io: CliIo): ExitCode {
  let exitCode: ExitCode = EXIT.error;
  let body: Record<string, unknown>;
  if (error instanceof CliError) {
    exitCode = error.exitCode;
    body = {
      kind: exitCode === EXIT.usage ? 'usage' : 'error',
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    };
  } else if (error instanceof PluginError) {
    body = { kind: 'plugin', message: error.message, stage: error.stage };
  } else {
    const message = error instanceof Error ? error.message : String(error);
    body = { kind: 'internal', message: `a bug in plugin-patterns, please report it: ${message}` };
  }
  printJson(io, { error: { ...body, exitCode } });
  return exitCode;
}

/** Messages carry paths, names and plugins' words: each is escaped (escapeText) before it is printed. */
function report(error: unknown, io: CliIo, c: ReturnType<typeof createPalette>): ExitCode {
  if (error instanceof CliError) {
    io.stderr(`${c.red('error:')} ${escapeText(error.message)}\n`);
    if (error.hint !== undefined) io.stderr(`${c.dim(`hint: ${escapeText(error.hint)}`)}\n`);
    return error.exitCode;
  }
  if (error instanceof PluginError) {
    io.stderr(`${c.red('error:')} ${escapeText(error.message)}\n`);
    return EXIT.error;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const lines = text.split('\n').map(escapeText).join('\n');
  io.stderr(`${c.red('internal error')} (a bug in plugin-patterns, please report it):\n${lines}\n`);
  return EXIT.error;
}

function unknownCommand(name: string): UsageError {
  const names = COMMANDS.map((c) => c.spec.name);
  const closest = closestName(name, names);
  const suggestion = closest === undefined ? '' : ` Did you mean "${closest}"?`;
  return new UsageError(
    `unknown command "${name}".${suggestion}`,
    `commands: ${names.join(', ')}; run "plugin-patterns --help"`,
  );
}

function version(): string {
  const manifest = createRequire(import.meta.url)('../package.json') as { version: string };
  return manifest.version;
}
