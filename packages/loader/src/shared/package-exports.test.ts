import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { activeConditions, lookUpExport } from './package-exports.ts';
import { resolvePackageModule } from './resolve.ts';

const ESM = ['node', 'import', 'default'];

describe('lookUpExport: subpaths', () => {
  it('reads a string, a sugar object and an exact subpath', () => {
    expect(lookUpExport('./main.js', '.', ESM)).toEqual({ ok: true, relativeFile: './main.js' });
    expect(lookUpExport({ import: './m.mjs' }, '.', ESM)).toEqual({
      ok: true,
      relativeFile: './m.mjs',
    });
    expect(lookUpExport({ './a': './lib/a.js' }, './a', ESM)).toEqual({
      ok: true,
      relativeFile: './lib/a.js',
    });
  });

  it('expands the longest matching * pattern', () => {
    const map = { './*': './lib/*.js', './storage/*': './lib/storage/*.mjs' };
    expect(lookUpExport(map, './storage/sqlite', ESM)).toEqual({
      ok: true,
      relativeFile: './lib/storage/sqlite.mjs',
    });
    expect(lookUpExport(map, './x/y', ESM)).toEqual({ ok: true, relativeFile: './lib/x/y.js' });
  });

  it('refuses a subpath that is not exported, and targets that climb out', () => {
    expect(lookUpExport({ '.': './i.js' }, './secret', ESM).ok).toBe(false);
    expect(lookUpExport({ './a': '../outside.js' }, './a', ESM).ok).toBe(false);
    expect(lookUpExport({ './*': './lib/*' }, './../../etc/passwd', ESM).ok).toBe(false);
    expect(lookUpExport({ './a': './node_modules/other/x.js' }, './a', ESM).ok).toBe(false);
    expect(lookUpExport({ './a': null }, './a', ESM).ok).toBe(false);
  });

  it('refuses a map that mixes subpaths and conditions', () => {
    expect(lookUpExport({ '.': './a.js', import: './b.js' }, '.', ESM)).toEqual({
      ok: false,
      why: 'its "exports" field is not valid',
    });
  });
});

describe('lookUpExport: conditions', () => {
  it('takes the import build of a dual package, not the require one', () => {
    const dual = { '.': { require: './index.cjs', import: './index.mjs' } };
    expect(lookUpExport(dual, '.', ESM)).toEqual({ ok: true, relativeFile: './index.mjs' });
  });

  it('follows the author’s key order and falls back through arrays', () => {
    const map = {
      '.': { types: './i.d.ts', node: ['./missing-condition-only', './n.js'], default: './d.js' },
    };
    expect(lookUpExport(map, '.', ESM)).toEqual({
      ok: true,
      relativeFile: './missing-condition-only',
    });
    expect(lookUpExport({ '.': [{ worker: './w.js' }, './fallback.js'] }, '.', ESM)).toEqual({
      ok: true,
      relativeFile: './fallback.js',
    });
  });

  it('puts the host’s --conditions first', () => {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--conditions=my-source -C other';
    try {
      const conditions = activeConditions();
      expect(conditions).toContain('other');
      expect(conditions.indexOf('my-source')).toBeLessThan(conditions.indexOf('default'));
      const map = { '.': { 'my-source': './src/i.ts', default: './dist/i.js' } };
      expect(lookUpExport(map, '.')).toEqual({ ok: true, relativeFile: './src/i.ts' });
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
    // Read once per value of NODE_OPTIONS, not once for good.
    expect(activeConditions()).not.toContain('other');
  });
});

describe('resolvePackageModule with an ESM-only package', () => {
  it('resolves a module exported only under "import"', () => {
    const manifest = { name: 'esm-only', exports: { './plugin': { import: './lib/plugin.mjs' } } };
    const root = tempTree({
      'lib/plugin.mjs': 'export const Plugin = 1;\n',
      'package.json': manifest,
    });
    const result = resolvePackageModule({
      root,
      packageName: 'esm-only',
      hasExports: true,
      module: './plugin',
      exportName: 'Plugin',
    });
    expect(result).toEqual({
      ok: true,
      target: {
        url: `file://${join(root, 'lib', 'plugin.mjs')}`,
        exportName: 'Plugin',
        within: root,
      },
    });
  });
});
