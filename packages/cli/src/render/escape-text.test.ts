import { pluginNameProblem } from '@plugin-patterns/loader/discovery';
import { parsePackageReference } from '@plugin-patterns/loader/importing';
import { describe, expect, it } from 'vitest';
import { escapeText } from './escape-text.ts';

// The CLI escapes what it prints with its own function, and the loader
// escapes its messages (and refuses references) by its own rule. Both are
// meant to be one set of characters: a character the loader lets through raw
// and the CLI escapes (or the reverse) is a gap in one of them. The loader's
// rule is not part of its API, so it is read here through what it does.

/** True when the loader's messages show `character` escaped (`shorten`, through a refused name). */
function loaderEscapes(character: string): boolean {
  const why = pluginNameProblem(`a${character}`);
  return why !== undefined && !why.includes(character);
}

/** True when the parser refuses `character` in a subpath for being one of the rule's. */
function parserRefuses(character: string): boolean {
  const result = parsePackageReference(`./a${character}b:Plugin`);
  return (
    !result.ok &&
    /^it contains (a control character|an invisible direction mark|a line or paragraph separator)$/.test(
      result.why,
    )
  );
}

describe('escapeText and the loader escape the same characters', () => {
  it('agree on every code point below U+3000', () => {
    const disagreements: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      const character = String.fromCharCode(code);
      const cli = escapeText(character) !== character;
      if (cli !== loaderEscapes(character) || cli !== parserRefuses(character)) {
        disagreements.push(`U+${code.toString(16).padStart(4, '0')}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('escapes each as \\uXXXX, and leaves quotes and backslashes alone', () => {
    expect(escapeText('a\u061cb\u009b2J\n"\\')).toBe('a\\u061cb\\u009b2J\\u000a"\\');
  });
});
