import { describe, expect, it } from 'vitest';
import { COMMON_OPTIONS, type CommandSpec, parseCommand } from './command-spec.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { commandHelp } from './help.ts';

const spec: CommandSpec = {
  name: 'explain',
  summary: 'Explain one plugin.',
  positionals: [
    { name: 'namespace', required: true, description: 'the namespace' },
    { name: 'name', required: true, description: 'the plugin' },
  ],
  options: COMMON_OPTIONS,
};

function usageError(args: string[]): UsageError {
  try {
    parseCommand(spec, args);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseCommand', () => {
  it('reads positionals, string and boolean options', () => {
    const parsed = parseCommand(spec, ['meter.storage', 'sqlite', '--cwd', '/tmp/x', '--json']);
    expect(parsed.positionals).toEqual(['meter.storage', 'sqlite']);
    expect(parsed.string('cwd')).toBe('/tmp/x');
    expect(parsed.boolean('json')).toBe(true);
    expect(parsed.boolean('help')).toBe(false);
  });

  it('suggests the closest option for a misspelt one', () => {
    const error = usageError(['a', 'b', '--jsno']);
    expect(error.message).toBe('explain: unknown option --jsno. Did you mean --json?');
    expect(error.exitCode).toBe(EXIT.usage);
  });

  it('names a missing argument and an extra one', () => {
    expect(usageError(['meter.storage']).message).toBe('explain: missing argument <name>');
    expect(usageError(['a', 'b', 'c']).message).toBe('explain: unexpected argument c');
  });

  it('reports an option without its value', () => {
    expect(usageError(['a', 'b', '--cwd']).message).toMatch(/^explain: Option '--cwd <value>'/);
  });

  it('accepts --help without the required arguments', () => {
    expect(parseCommand(spec, ['-h']).boolean('help')).toBe(true);
  });
});

describe('commandHelp', () => {
  it('lists every argument and option the parser accepts', () => {
    const help = commandHelp(spec);
    expect(help).toContain('Usage: plugin-patterns explain <namespace> <name> [options]');
    for (const name of Object.keys(spec.options)) expect(help).toContain(`--${name}`);
    expect(help).toContain('--cwd DIR');
    expect(help).toContain('-h, --help');
  });
});
