import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainPluginName, MAX_NAME_LENGTH, pluginNameProblem } from './declared-names.ts';

/**
 * The plugin-name rule as first written, a regular expression, kept here as
 * the specification the one-pass loop is held to.
 */
function specAccepts(name: string): boolean {
  return (
    name.length <= MAX_NAME_LENGTH &&
    /^[a-z0-9][a-z0-9._+-]*$/i.test(name) &&
    name !== 'constructor' &&
    name !== 'prototype'
  );
}

/** Strings near the edge of the rule: its own characters, look-alikes and controls. */
const nearName = fc
  .array(
    fc.constantFrom(
      ...'aZz09.-_+',
      '/',
      ':',
      ' ',
      '\n',
      '\u0000',
      '@',
      '[',
      '`',
      '{',
      'ı', // dotless i: upper case is I
      'ſ', // long s: upper case is S
      'K', // Kelvin sign: lower case is k
      'é',
      '😀',
    ),
    { maxLength: 12 },
  )
  .map((chars) => chars.join(''));

const reserved = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'Constructor',
  'prototypes',
);
const long = fc
  .integer({ min: MAX_NAME_LENGTH - 2, max: MAX_NAME_LENGTH + 2 })
  .map((n) => 'a'.repeat(n));

describe('the plugin-name rule', () => {
  it('isPlainPluginName and pluginNameProblem accept what the specification accepts, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearName, reserved, long, fc.string(), fc.string({ unit: 'binary' })),
        (name) => {
          const accepted = specAccepts(name);
          expect(isPlainPluginName(name)).toBe(accepted);
          // The slow path, for messages, must not accept what the fast path refused.
          expect(pluginNameProblem(name) === undefined).toBe(accepted);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('takes the common forms and refuses the reserved ones', () => {
    for (const name of ['memory', 'postgresql+pool', 'Store-1.b_x', '0']) {
      expect(isPlainPluginName(name)).toBe(true);
    }
    for (const name of ['', '-x', '.x', 'a b', 'constructor', 'prototype', '__proto__', 'ı']) {
      expect(isPlainPluginName(name)).toBe(false);
    }
  });

  it('names the first problem of a refused name', () => {
    expect(pluginNameProblem(7)).toBe('a plugin name must be a string, not a number');
    expect(pluginNameProblem('')).toBe('the plugin name is empty');
    expect(pluginNameProblem('a'.repeat(MAX_NAME_LENGTH + 1))).toMatch(
      /^plugin name "a+…" is longer than 200 characters$/,
    );
    expect(pluginNameProblem('constructor')).toBe(
      '"constructor" is reserved and cannot be a plugin name',
    );
    expect(pluginNameProblem('a b')).toBe(
      'plugin name "a b" may only use letters, digits, ".", "_", "+" and "-", starting with a letter or digit',
    );
  });
});
