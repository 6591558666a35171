/**
 * The shape every command has: a spec (parsed and turned into help) and a
 * run function that writes to the io and answers an exit code. Keeping the
 * command list as data is what lets `main` route, suggest a misspelt command,
 * and print one help page for all of them.
 */
import type { CliIo } from '../cli-io.ts';
import type { CommandSpec, ParsedCommand } from '../command-spec.ts';
import type { ExitCode } from '../exit-codes.ts';
import type { ScanProject } from '../project/open-project.ts';
import type { Palette } from '../render/colour.ts';
import { escapeText } from '../render/escape-text.ts';
import type { TourModule } from './tour.ts';

export interface CommandContext {
  readonly io: CliIo;
  /** Colour for stdout; the plain palette when stdout is not a terminal or NO_COLOR is set. */
  readonly palette: Palette;
  readonly scanProject: ScanProject;
  /** How `tour` finds the tour module; tests pass a fake. Default: Node's resolution from the project. */
  readonly importTour?: ((root: string) => Promise<TourModule>) | undefined;
}

export interface Command {
  readonly spec: CommandSpec;
  run(args: ParsedCommand, context: CommandContext): Promise<ExitCode>;
}

/**
 * JSON output: two-space indent and a final newline, the same for every
 * command. JSON.stringify escapes C0 controls but leaves C1 controls and
 * bidi overrides raw; escaping each line (none holds a raw newline) turns
 * those into `\uXXXX`, which a parser reads back as the original text.
 */
export function printJson(io: CliIo, value: unknown): void {
  const lines = JSON.stringify(value, null, 2).split('\n');
  io.stdout(`${lines.map(escapeText).join('\n')}\n`);
}
