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
import type { Command, CommandContext } from './commands/command.ts';
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
  const palette = createPalette(shouldUseColour({ isTTY: io.stdoutIsTTY, env: io.env }));
  const errors = createPalette(shouldUseColour({ isTTY: io.stderrIsTTY, env: io.env }));
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(
        mainHelp(
          COMMANDS.map((c) => c.spec),
          version(),
        ),
      );
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version') {
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
    return report(error, io, errors);
  }
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
