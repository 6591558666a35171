import { describe, expect, it } from 'vitest';
import { createPalette, shouldUseColour, stripAnsi, visibleLength } from './colour.ts';

describe('shouldUseColour', () => {
  it('is on only for a terminal without NO_COLOR', () => {
    expect(shouldUseColour({ isTTY: true, env: {} })).toBe(true);
    expect(shouldUseColour({ isTTY: false, env: {} })).toBe(false);
    expect(shouldUseColour({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
  });

  it('treats an empty NO_COLOR as unset, as no-color.org says', () => {
    expect(shouldUseColour({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
  });

  it('is on with FORCE_COLOR even in a pipe and over NO_COLOR, unless it is 0 or false', () => {
    expect(shouldUseColour({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColour({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldUseColour({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(shouldUseColour({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColour({ isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
  });

  it('is off with --no-color, whatever the terminal and FORCE_COLOR say', () => {
    expect(shouldUseColour({ isTTY: true, env: {}, noColorFlag: true })).toBe(false);
    expect(shouldUseColour({ isTTY: true, env: { FORCE_COLOR: '1' }, noColorFlag: true })).toBe(
      false,
    );
  });
});

describe('createPalette', () => {
  it('returns text untouched when colour is off', () => {
    const c = createPalette(false);
    expect(c.red('x')).toBe('x');
    expect(c.enabled).toBe(false);
  });

  it('wraps text in escape codes that take no columns', () => {
    const c = createPalette(true);
    const red = c.red('failed');
    expect(red).not.toBe('failed');
    expect(stripAnsi(red)).toBe('failed');
    expect(visibleLength(c.bold(c.green('ok')))).toBe(2);
  });
});
