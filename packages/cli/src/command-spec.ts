/**
 * A command, described as data: its arguments and options. The same spec
 * drives parsing (through `node:util` parseArgs) and the `--help` text, so
 * the help can never drift from what the parser accepts.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { closestName } from '@plugin-patterns/loader/invocation';
import { UsageError } from './exit-codes.ts';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Shown in help as `--cwd DIR`. */
  readonly valueName?: string;
  readonly description: string;
}

export interface PositionalSpec {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Paragraphs printed after the options. */
  readonly notes?: readonly string[];
  readonly examples?: readonly string[];
}

export interface ParsedCommand {
  readonly positionals: readonly string[];
  string(name: string): string | undefined;
  boolean(name: string): boolean;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  cwd: {
    type: 'string',
    valueName: 'DIR',
    description: 'the project to inspect (its package.json); default: the current directory',
  },
  json: {
    type: 'boolean',
    description: 'print JSON for machines instead of tables; an error is JSON on stdout too',
  },
  'no-color': { type: 'boolean', description: 'no colour, even on a terminal' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function parseCommand(spec: CommandSpec, args: readonly string[]): ParsedCommand {
  rejectUnknownOptions(spec, args);
  const config: ParseArgsOptionsConfig = {};
  for (const [name, option] of Object.entries(spec.options)) {
    config[name] =
      option.short === undefined
        ? { type: option.type }
        : { type: option.type, short: option.short };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${spec.name}: ${cleanMessage(error)}`, helpHint(spec));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const result: ParsedCommand = {
    positionals: parsed.positionals,
    string: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
    boolean: (name) => values[name] === true,
  };
  // With --help, missing or extra arguments do not matter: the help is what was asked for.
  if (result.boolean('help')) return result;
  checkPositionals(spec, parsed.positionals);
  return result;
}

/** Catches a misspelt option before parseArgs does, to suggest the right one. */
function rejectUnknownOptions(spec: CommandSpec, args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] ?? '';
    if (Object.hasOwn(spec.options, name)) continue;
    const closest = closestName(name, Object.keys(spec.options));
    const suggestion = closest === undefined ? '' : ` Did you mean --${closest}?`;
    throw new UsageError(`${spec.name}: unknown option --${name}.${suggestion}`, helpHint(spec));
  }
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[]): void {
  const required = spec.positionals.filter((p) => p.required);
  const missing = required[positionals.length];
  if (missing !== undefined) {
    throw new UsageError(`${spec.name}: missing argument <${missing.name}>`, helpHint(spec));
  }
  if (positionals.length > spec.positionals.length) {
    const extra = positionals.slice(spec.positionals.length).join(' ');
    throw new UsageError(`${spec.name}: unexpected argument ${extra}`, helpHint(spec));
  }
}

function helpHint(spec: CommandSpec): string {
  return `run "plugin-patterns ${spec.name} --help" for usage`;
}

/** parseArgs messages carry advice meant for a different audience ("To specify a positional…"). */
function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('. ')[0]?.replace(/\.$/, '') ?? message;
}
