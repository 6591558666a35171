import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject } from '../../test-fixtures/make-project.ts';
import { ReferenceEscapeError } from '../errors/kinds.ts';
import { packageScan } from './package-scan.ts';

// What a package scan reports about the refused parts of a package's field:
// which namespace's report shows each one, and what each names.

function scanned() {
  const entryPoints = {
    'ns.a': { ok: './a', num: 42 },
    'ns.b': { 'bad name': './b', out: '../../x' },
    'bad ns!': { x: './x' },
  };
  const p = makeProject({
    host: { dependencies: { odd: '1', gone: '1' } },
    packages: [{ name: 'odd', version: '1.2.3', manifest: { entryPoints } }],
  });
  onTestFinished(() => p.remove());
  const origin = join(p.dir, 'node_modules', 'odd', 'package.json');
  return { source: packageScan({ cwd: p.dir, cache: false }), origin };
}

const label = (origin: string) => `of package odd@1.2.3 (${origin})`;

describe('refused parts of a field, by namespace', () => {
  it('a namespace sees its own refusals and those of no namespace, never another one’s', () => {
    const { source, origin } = scanned();
    const report = source.discover('ns.a');
    expect(report.entryPoints.map((e) => e.name)).toEqual(['ok']);
    expect(report.problems.map((p) => [p.namespace, p.name, p.error.namespace])).toEqual([
      [undefined, undefined, 'ns.a'], // "gone" is not installed: it could have held any namespace
      ['ns.a', 'num', 'ns.a'],
      [undefined, undefined, 'ns.a'], // the namespace "bad ns!"
    ]);
    const [, num, badNamespace] = report.problems;
    expect(num).toMatchObject({ origin, reference: undefined });
    expect(num?.source).toMatchObject({ packageName: 'odd', version: '1.2.3' });
    expect(num?.error.detail).toBe(
      `a reference must be a string, not a number ("entryPoints"["ns.a"]["num"] ${label(origin)})`,
    );
    expect(badNamespace?.error.detail).toBe(
      `"entryPoints" ${label(origin)}: namespace "bad ns!" may only use letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  });

  it('asked for every namespace, all of them, those of no namespace under "*"', () => {
    const { source, origin } = scanned();
    const problems = source.discover().problems;
    expect(problems.map((p) => [p.namespace, p.name, p.error.namespace])).toEqual([
      [undefined, undefined, '*'],
      ['ns.a', 'num', 'ns.a'],
      ['ns.b', undefined, 'ns.b'],
      ['ns.b', 'out', 'ns.b'],
      [undefined, undefined, '*'],
    ]);
    const [, , badName, out] = problems;
    expect(badName?.error.detail).toBe(
      `"entryPoints"["ns.b"] ${label(origin)}: plugin name "bad name" may only use letters, digits, ".", "_", "+" and "-", starting with a letter or digit`,
    );
    expect(out?.reference).toBe('../../x');
    expect(out?.error).toBeInstanceOf(ReferenceEscapeError);
  });
});
