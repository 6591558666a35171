/**
 * Help text, generated from the command specs that also drive parsing.
 * Plain text on purpose: help is read in terminals and pasted into issues.
 */
import type { CommandSpec } from './command-spec.ts';
import { EXIT_CODE_HELP } from './exit-codes.ts';

export function commandHelp(spec: CommandSpec): string {
  const args = spec.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`));
  const lines = [
    `Usage: plugin-patterns ${[spec.name, ...args].join(' ')} [options]`,
    '',
    spec.summary,
  ];
  if (spec.positionals.length > 0) {
    lines.push('', 'Arguments:');
    lines.push(...aligned(spec.positionals.map((p) => [p.name, p.description])));
  }
  lines.push('', 'Options:');
  lines.push(
    ...aligned(
      Object.entries(spec.options).map(([name, option]) => [
        optionLabel(name, option),
        option.description,
      ]),
    ),
  );
  for (const note of spec.notes ?? []) lines.push('', note);
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  }
  return `${lines.join('\n')}\n`;
}

export function mainHelp(commands: readonly CommandSpec[], version: string): string {
  const lines = [
    `plugin-patterns ${version}: see which plugins a project has, and why each one runs or not.`,
    '',
    'Usage: plugin-patterns <command> [options]',
    '',
    'Commands:',
    ...aligned(commands.map((spec) => [spec.name, spec.summary.split('\n')[0] ?? ''])),
    '',
    'Options:',
    ...aligned([
      ['-h, --help', "show this help (or a command's: plugin-patterns <command> --help)"],
      ['-v, --version', 'print the version'],
      ['--json', 'print JSON for machines, errors included (on stdout, with the same exit code)'],
      ['--no-color', 'no colour, even on a terminal or with FORCE_COLOR set'],
    ]),
    '',
    'Colour: on for a terminal; FORCE_COLOR=1 forces it on, NO_COLOR=1 or --no-color turns it off.',
    '',
    EXIT_CODE_HELP,
  ];
  return `${lines.join('\n')}\n`;
}

function optionLabel(name: string, option: CommandSpec['options'][string]): string {
  const long = option.type === 'string' ? `--${name} ${option.valueName ?? 'VALUE'}` : `--${name}`;
  return option.short === undefined ? `    ${long}` : `-${option.short}, ${long}`;
}

function aligned(pairs: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...pairs.map(([left]) => left.length));
  return pairs.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
