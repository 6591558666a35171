import { createPalette, stripAnsi } from '@plugin-patterns/cli';
import { describe, expect, it } from 'vitest';
import { cutLine, DEFAULT_WIDTH, fitText, layoutOf, wrapLine } from './layout.ts';

describe('cutLine', () => {
  it('keeps a line that fits, and cuts one that does not to the width, ending in …', () => {
    expect(cutLine('short', 10)).toBe('short');
    expect(cutLine('exactly 10', 10)).toBe('exactly 10');
    expect(cutLine('one two three four', 10)).toBe('one two t…');
  });

  it('counts what the eye sees: escape codes take no room, and a cut colour is reset', () => {
    const red = createPalette(true).red;
    const cut = cutLine(`${red('abcdefghijkl')}`, 6);
    expect(stripAnsi(cut)).toBe('abcde…');
    expect(cut.endsWith('\u001b[0m')).toBe(true);
  });
});

describe('wrapLine', () => {
  it('wraps at spaces, each continuation two columns past the line indent', () => {
    expect(wrapLine('  alpha beta gamma delta', 14)).toEqual([
      '  alpha beta',
      '    gamma',
      '    delta',
    ]);
  });

  it('gives a word longer than the width a line of its own', () => {
    expect(wrapLine('a averyveryverylongword b', 10)).toEqual([
      'a',
      '  averyveryverylongword',
      '  b',
    ]);
  });
});

describe('fitText', () => {
  it('cuts by default and wraps when verbose, at 100 columns unless told', () => {
    const long = 'word '.repeat(40).trim();
    expect(layoutOf().width).toBe(DEFAULT_WIDTH);
    expect(fitText(long, layoutOf())).toHaveLength(DEFAULT_WIDTH);
    const wrapped = fitText(long, layoutOf({ verbose: true, maxWidth: 50 })).split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    expect(Math.max(...wrapped.map((line) => line.length))).toBeLessThanOrEqual(50);
    expect(wrapped.join(' ').replace(/\s+/g, ' ')).toBe(long);
  });
});
