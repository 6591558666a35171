import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../../test-fixtures/temp-tree.ts';
import {
  fieldIssueOf,
  isAcceptedNamespace,
  isArrayOf,
  isStringPair,
  isWalkIssue,
  packageRowProblem,
} from './cache-checks.ts';

// The values of a discovery cache file, checked one by one as they are read
// back: what a scan writes passes, and an edit that a scan could not have
// made is refused (the file is then rebuilt, see cache.test.ts).

const why = '"entryPoints"["ns"] of package p@1.0.0 (/x/package.json): plugin name "a b" …';

describe('fieldIssueOf: a cached refusal', () => {
  it('comes back as a scan wrote it, with its reference only when it had one', () => {
    expect(fieldIssueOf({ why })).toEqual({ namespace: undefined, name: undefined, why });
    expect(fieldIssueOf({ namespace: 'ns', why })).not.toHaveProperty('reference');
    const refused = { namespace: 'ns', name: 'p', reference: '../x', why };
    expect(fieldIssueOf(refused)).toEqual(refused);
    expect(fieldIssueOf({ namespace: 'ns', name: 'p', reference: 42, why })).toHaveProperty(
      'reference',
      42,
    );
  });

  it.each<[string, unknown]>([
    ['not an object', [why]],
    ['null', null],
    ['without a message', { namespace: 'ns' }],
    ['with a message that is not a string', { why: 7 }],
    ['naming a namespace a scan refuses', { namespace: 'bad ns!', why }],
    ['naming a namespace that is not a string', { namespace: 7, why }],
    ['naming a plugin a scan refuses', { namespace: 'ns', name: 'bad name', why }],
    ['naming a plugin by what is not a string', { namespace: 'ns', name: 7, why }],
    ['with a newline in its message', { why: `${why}\nforged` }],
    ['with ESC in its message', { why: `\u001b[2J${why}` }],
    ['with DEL in its message', { why: `${why}\u007f` }],
    ['with a C1 control in its message', { why: `\u009b2J${why}` }],
    ['with a bidi override in its message', { why: `${why}\u202e` }],
    ['with a line separator in its message', { why: `${why}\u2028` }],
  ])('is refused when %s', (_, value) => {
    expect(fieldIssueOf(value)).toBeUndefined();
  });
});

describe('isWalkIssue: a cached walk issue', () => {
  const issue = { origin: '/x/package.json', why: 'the host\u2019s manifest cannot be used' };

  it('is accepted as a scan writes it: two strings, escaped', () => {
    expect(isWalkIssue(issue)).toBe(true);
    expect(isWalkIssue({ origin: '/x/a\\u009b/package.json', why: '"a" \\u202e' })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['not an object', [issue.origin, issue.why]],
    ['null', null],
    ['without an origin', { why: issue.why }],
    ['without a message', { origin: issue.origin }],
    ['with an origin that is not a string', { origin: 1, why: issue.why }],
    ['with a message that is not a string', { origin: issue.origin, why: 1 }],
    ['with a C1 control in its origin', { origin: '/x/\u009b/package.json', why: issue.why }],
    ['with a newline in its origin', { origin: '/x/\n/package.json', why: issue.why }],
    ['with a bidi override in its message', { origin: issue.origin, why: '\u202e' }],
    ['with ESC in its message', { origin: issue.origin, why: '\u001b[2J' }],
  ])('is refused when %s', (_, value) => {
    expect(isWalkIssue(value)).toBe(false);
  });
});

describe('the shapes of the other tables', () => {
  it('isStringPair: an array of exactly two strings', () => {
    expect(isStringPair(['a', 'b'])).toBe(true);
    for (const value of [['a'], ['a', 'b', 'c'], ['a', 1], [1, 'b'], 'ab', { 0: 'a', 1: 'b' }]) {
      expect(isStringPair(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('isArrayOf: an array whose every item passes', () => {
    const isString = (v: unknown): v is string => typeof v === 'string';
    expect(isArrayOf(['a', 'b'], isString)).toBe(true);
    expect(isArrayOf([], isString)).toBe(true);
    expect(isArrayOf(['a', 1], isString)).toBe(false);
    expect(isArrayOf('ab', isString)).toBe(false);
  });

  it('isAcceptedNamespace: the scan’s rule', () => {
    expect(isAcceptedNamespace('meter.storage')).toBe(true);
    expect(isAcceptedNamespace('bad ns!')).toBe(false);
    expect(isAcceptedNamespace(7)).toBe(false);
  });
});

describe('packageRowProblem: a cached package', () => {
  /** A host whose node_modules links `linked` and `@scope/linked` to folders outside it. */
  function linkedHost() {
    const root = tempTree(
      { 'work/one/package.json': '{}', 'work/two/package.json': '{}', 'host/package.json': '{}' },
      {
        'host/node_modules/linked': '../../work/one',
        'host/node_modules/@scope/linked': '../../../work/two',
      },
    );
    const modules = join(root, 'host', 'node_modules') + sep;
    const holders = [join(root, 'host', 'node_modules'), join(root, 'host/node_modules/@scope')];
    return { root, modules, holders };
  }

  it('accepts a package inside the host’s node_modules, with each version form a scan writes', () => {
    const { modules } = linkedHost();
    for (const version of ['1.0.0-rc.1+b', '(no version)', '(invalid version "1.0\\u009b")']) {
      expect(packageRowProblem('p', version, `${modules}p`, modules, [])).toBeUndefined();
    }
  });

  it('accepts a package outside it only where a watched link leads, scoped or not', () => {
    const { root, modules, holders } = linkedHost();
    const one = join(root, 'work/one');
    const two = join(root, 'work/two');
    expect(packageRowProblem('linked', '1.0.0', one, modules, holders)).toBeUndefined();
    expect(packageRowProblem('@scope/linked', '1.0.0', two, modules, holders)).toBeUndefined();
    // The same folders under the other name, or through a holder that was not watched.
    expect(packageRowProblem('linked', '1.0.0', two, modules, holders)).toContain(
      'is not one the scan found',
    );
    expect(packageRowProblem('@scope/linked', '1.0.0', one, modules, holders)).toBeDefined();
    expect(packageRowProblem('@other/linked', '1.0.0', two, modules, holders)).toBeDefined();
    expect(packageRowProblem('@scope/linked', '1.0.0', two, modules, [holders[0] ?? ''])).toBe(
      `the folder of package "@scope/linked" (${two}) is not one the scan found`,
    );
    // A scope folder that is not in a node_modules folder is no holder of that scope.
    const scopeElsewhere = tempTree({}, { '@scope/linked': two });
    expect(
      packageRowProblem('@scope/linked', '1.0.0', two, modules, [join(scopeElsewhere, '@scope')]),
    ).toBeDefined();
    // Not scoped: only a holder that is a node_modules folder.
    const plain = tempTree({}, { 'lib/linked': one });
    expect(packageRowProblem('linked', '1.0.0', one, modules, [join(plain, 'lib')])).toBeDefined();
  });

  it('refuses a bad name or version, and shows a hostile folder escaped', () => {
    const { modules } = linkedHost();
    expect(packageRowProblem('Bad Name', '1.0.0', `${modules}x`, modules, [])).toContain(
      'is not a valid package name',
    );
    for (const version of ['', '1.0.0\n', '(invalid version "\u009b")', '(invalid version )']) {
      expect(packageRowProblem('p', version, `${modules}p`, modules, [])).toContain(
        'is not one a scan writes',
      );
    }
    expect(packageRowProblem('p', '1.0.0', '/elsewhere/\u009b2J', modules, [])).toBe(
      'the folder of package "p" (/elsewhere/\\u009b2J) is not one the scan found',
    );
  });
});
