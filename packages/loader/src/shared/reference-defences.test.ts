/**
 * Each defence of the reference parser on its own. Every input below is
 * refused by exactly one check, and the test asserts that check's own
 * message: a test that fed a reference tripping several checks at once would
 * still pass with any one of them taken out.
 */
import { describe, expect, it } from 'vitest';
import { parsePackageReference, parseSpecifierReference } from './reference.ts';

const refused = (text: string) => {
  const result = parsePackageReference(text);
  return result.ok ? 'accepted' : result.why;
};

describe('package references: one defence per test', () => {
  it('refuses a backslash, which is a separator on Windows', () => {
    expect(refused('./lib\\plugin:Plugin')).toBe(
      'it contains a backslash (a reference separates folders with "/")',
    );
  });

  it('refuses percent-encoding, which a URL would decode to "../"', () => {
    expect(refused('./lib%2f%2e%2e:Plugin')).toBe(
      'it contains a percent sign (a reference is never URL-encoded)',
    );
  });

  it('refuses a control character, which would reach a terminal in messages', () => {
    expect(refused('./lib/plug\u0007in:Plugin')).toBe('it contains a control character');
    expect(refused('./lib/plugin\n:Plugin')).toBe('it contains a control character');
  });

  it.each([
    ['DEL', './lib/plug\u007fin:Plugin', 'it contains a control character'],
    [
      'a C1 control (the one-character ESC [)',
      './lib/plugin\u009b2J:Plugin',
      'it contains a control character',
    ],
    ['U+0080', './lib\u0080/plugin', 'it contains a control character'],
    ['U+009F (the last C1 control)', './lib/plugin\u009f', 'it contains a control character'],
    [
      'a right-to-left override',
      './inner\u202e/deep:Plugin',
      'it contains an invisible direction mark',
    ],
    ['a left-to-right mark', './lib/\u200eplugin', 'it contains an invisible direction mark'],
    [
      'an Arabic letter mark',
      './lib/\u061cplugin:Plugin',
      'it contains an invisible direction mark',
    ],
    ['a right-to-left mark', './lib/plugin\u200f', 'it contains an invisible direction mark'],
    [
      'a first-strong isolate',
      './lib/\u2068plugin:Plugin',
      'it contains an invisible direction mark',
    ],
    [
      'a pop directional isolate',
      './lib/plugin\u2069:Plugin',
      'it contains an invisible direction mark',
    ],
    ['a line separator', './lib/plugin\u2028:Plugin', 'it contains a line or paragraph separator'],
    ['a paragraph separator', './lib/\u2029plugin', 'it contains a line or paragraph separator'],
  ])('refuses %s in a subpath, which a record or report would keep raw', (_, text, why) => {
    expect(refused(text)).toBe(why);
  });

  it('names the first such character it meets', () => {
    expect(refused('./a\u202e/b\u009b:Plugin')).toBe('it contains an invisible direction mark');
    expect(refused('./a\u2028/b\u202e:Plugin')).toBe('it contains a line or paragraph separator');
  });

  it('accepts the characters just outside the rule', () => {
    for (const ok of [
      './lib/plug\u00a0in',
      './lib/\u200dplugin',
      './lib/\u202fplugin',
      './lib/\u2065x',
    ]) {
      expect(refused(ok), JSON.stringify(ok)).toBe('accepted');
    }
  });

  it('refuses a reference longer than 1024 characters', () => {
    const long = `./${'a'.repeat(1100)}:Plugin`;
    expect(refused(long)).toBe('it is longer than 1024 characters');
    expect(refused(`./${'a'.repeat(1000)}:Plugin`)).toBe('accepted');
  });

  it('accepts the same references without the offending character', () => {
    for (const ok of ['./lib/plugin:Plugin', './lib2f2e2e:Plugin']) {
      expect(refused(ok)).toBe('accepted');
    }
  });
});

describe('specifier references (a host’s list): the same defences', () => {
  it.each([
    [
      'meter-plugins/lib\\x:Plugin',
      'it contains a backslash (a reference separates folders with "/")',
    ],
    [
      'meter-plugins/%2e%2e:Plugin',
      'it contains a percent sign (a reference is never URL-encoded)',
    ],
    ['meter-plugins/x\u001b[2J:Plugin', 'it contains a control character'],
    ['meter-plugins/x\u009b2J:Plugin', 'it contains a control character'],
    ['meter-plugins/lib\u202e:Plugin', 'it contains an invisible direction mark'],
    ['meter-plugins/lib\u2029', 'it contains a line or paragraph separator'],
  ])('refuses %j', (text, why) => {
    const result = parseSpecifierReference(text);
    expect(result.ok ? 'accepted' : result.why).toBe(why);
  });
});
