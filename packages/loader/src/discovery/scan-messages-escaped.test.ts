import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { escapeUnsafe, hasUnsafeCharacter } from '../shared/unsafe-text.ts';
import { shorten } from './declared-names.ts';
import { packageScan } from './package-scan.ts';

// Every text a package scan quotes from the disk or a manifest — a folder
// path, a file's broken JSON — is escaped where the message is written (a
// reference or export name holding such a character is refused by the parser
// before it is quoted): a C1 control (U+009B is a one-character ESC [) or a
// bidi override (U+202E) never reaches a message or an origin raw.

const HOSTILE = '\u009b2J\u202e';
const SHOWN = '\\u009b2J\\u202e';

function hostileTree(): string {
  // A workspace package linked from node_modules: its real folder, which
  // messages show, is named by whoever made the folder.
  return tempTree(
    {
      'package.json': { dependencies: { linked: '1', broken: '1', hollow: '1' } },
      [`work${HOSTILE}/linked/package.json`]: {
        name: 'linked',
        version: '1.0.0',
        dependencies: 7,
        entryPoints: {
          'ns.a': {
            odd: `./plugin:x${HOSTILE}`,
            'bad name': './plugin',
            far: `./far${HOSTILE}`,
            gone: './gone',
          },
        },
      },
      // V8's message for this JSON quotes the text around the error.
      'node_modules/broken/package.json': `{"name": ${HOSTILE}}`,
    },
    { 'node_modules/linked': `../work${HOSTILE}/linked`, 'node_modules/hollow': 'nowhere' },
  );
}

function messagesOf(cwd: string) {
  const report = packageScan({ cwd, cache: false, transitive: 1 }).discover();
  return report.problems.map((p) => ({ origin: p.origin, message: p.error.message }));
}

describe('scan messages escape what they quote', () => {
  it('a hostile folder name, a broken manifest and a refused export name: escaped, once', () => {
    const cwd = hostileTree();
    const problems = messagesOf(cwd);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const { origin, message } of problems) {
      expect(hasUnsafeCharacter(origin), origin).toBe(false);
      expect(hasUnsafeCharacter(message), message).toBe(false);
      // Escaped once: a backslash of the escape is never escaped again.
      expect(message).not.toContain('\\\\u');
    }
    const linked = join(cwd, `work${SHOWN}`, 'linked', 'package.json');
    const texts = problems.map((p) => p.message).join('\n');
    // The field's refusals name the package by its escaped folder.
    expect(texts).toContain(
      `import reference "./plugin:x${SHOWN}" is refused: it contains a control character`,
    );
    expect(texts).toContain(
      `import reference "./far${SHOWN}" is refused: it contains a control character`,
    );
    expect(texts).toContain(`"entryPoints"["ns.a"] of package linked@1.0.0 (${linked})`);
    // The walk's: the dependency list of a package in that folder, and a manifest's broken JSON.
    expect(texts).toContain(`"dependencies" of linked@1.0.0 (${linked}) is a number`);
    expect(texts).toContain(
      `broken${sep}package.json is not valid JSON (Unexpected token '\\u009b'`,
    );
    expect(problems.map((p) => p.origin)).toContain(linked);
  });

  it('a reference that cannot be resolved: the load error shows the folder escaped', () => {
    const cwd = hostileTree();
    const entryPoints = packageScan({ cwd, cache: false }).discover('ns.a').entryPoints;
    // The parser refuses a reference holding such a character: only the clean one is kept.
    expect(entryPoints.map((e) => e.reference)).toEqual(['./gone']);
    const target = entryPoints[0]?.target;
    if (typeof target !== 'function') throw new Error('the target should resolve on first use');
    let message = '';
    try {
      target();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('import reference "./gone" of linked@1.0.0 cannot be resolved');
    expect(message).toContain(`work${SHOWN}`);
    expect(hasUnsafeCharacter(message), message).toBe(false);
  });

  it('the cache gives back the same escaped messages', () => {
    const cwd = hostileTree();
    const dir = join(cwd, 'cache');
    const first = packageScan({ cwd, cache: { dir }, transitive: 1 });
    const written = first.discover().problems.map((p) => [p.origin, p.error.message]);
    const again = packageScan({ cwd, cache: { dir }, transitive: 1 });
    const read = again.discover().problems.map((p) => [p.origin, p.error.message]);
    expect(again.lastScan?.cache).toBe('hit');
    expect(read).toEqual(written);
  });
});

describe('escapeUnsafe', () => {
  it('escapes what shorten escapes, and leaves quotes, backslashes and the rest alone', () => {
    for (let code = 0; code < 0x3000; code++) {
      const character = String.fromCharCode(code);
      const escaped = shorten(character) !== JSON.stringify(character).slice(1, -1);
      const controlled = code < 0x20;
      expect(escapeUnsafe(character) !== character, `U+${code.toString(16)}`).toBe(
        escaped || controlled,
      );
      expect(hasUnsafeCharacter(character)).toBe(escaped || controlled);
    }
    expect(escapeUnsafe('C:\\a "b"\u009b\n')).toBe('C:\\a "b"\\u009b\\u000a');
    expect(escapeUnsafe(escapeUnsafe(`x${HOSTILE}`))).toBe(`x${SHOWN}`);
  });
});
