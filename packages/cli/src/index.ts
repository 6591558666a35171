export { type CliIo, processIo, type RecordingIo, recordingIo } from './cli-io.ts';
export type { CommandSpec, OptionSpec, ParsedCommand, PositionalSpec } from './command-spec.ts';
export type { Command, CommandContext } from './commands/command.ts';
export { TOUR_PACKAGE, type TourModule } from './commands/tour.ts';
export { CliError, EXIT, EXIT_CODE_HELP, type ExitCode, UsageError } from './exit-codes.ts';
export { COMMANDS, type MainOptions, main } from './main.ts';
export type { HostProfile } from './project/host-profile.ts';
export type { NamespacePipeline, ScanProject } from './project/open-project.ts';
export {
  type ColourContext,
  createPalette,
  type Palette,
  shouldUseColour,
  stripAnsi,
  visibleLength,
} from './render/colour.ts';
export { escapeText } from './render/escape-text.ts';
export { shortReason, stateText } from './render/state-text.ts';
export { type Column, renderTable, type TableOptions, wrapWords } from './render/table.ts';
