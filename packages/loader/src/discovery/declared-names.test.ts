import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainPluginName } from './cache-checks.ts';
import { MAX_NAME_LENGTH, pluginNameProblem } from './declared-names.ts';

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

describe('isPlainPluginName, the cache-load form of the plugin-name rule', () => {
  it('answers as pluginNameProblem does, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearName, reserved, long, fc.string(), fc.string({ unit: 'binary' })),
        (name) => {
          expect(isPlainPluginName(name)).toBe(pluginNameProblem(name) === undefined);
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
});
