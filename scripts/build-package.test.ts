/**
 * The package build (build-package.ts), run on a small package made here: two
 * exports entries that share a module, both importing a side-effect module
 * first, and a dependency that must stay an import.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'build-package.ts');
const made: string[] = [];

function makePackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-package-'));
  made.push(dir);
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: '@example/built',
      type: 'module',
      exports: {
        '.': { '@plugin-patterns/source': './src/index.ts', default: './dist/index.js' },
        './deep': {
          '@plugin-patterns/source': './src/deep/index.ts',
          default: './dist/deep/index.js',
        },
        './package.json': './package.json',
      },
      sideEffects: ['./src/check.ts'],
    }),
    'src/check.ts': "console.log('check');\n",
    'src/shared.ts': "console.log('shared');\nexport const shared: object = {};\n",
    'src/index.ts':
      "import './check.ts';\nexport { shared } from './shared.ts';\nexport const top = 'top';\n",
    'src/deep/index.ts':
      "import '../check.ts';\nexport { shared } from '../shared.ts';\nexport const deep = 'deep';\n",
    'src/worker.ts': "import { readFileSync } from 'fs-extra';\nexport { readFileSync };\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function build(dir: string, ...args: string[]): void {
  const built = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
}

/** What a plain Node process prints when it imports both entries. */
function importBoth(dir: string): string {
  const code = [
    `const top = await import(${JSON.stringify(join(dir, 'dist', 'index.js'))});`,
    `const deep = await import(${JSON.stringify(join(dir, 'dist', 'deep', 'index.js'))});`,
    "console.log(top.top, deep.deep, top.shared === deep.shared ? 'one copy' : 'two copies');",
  ].join('\n');
  const ran = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(ran.stderr).toBe('');
  return ran.stdout;
}

function jsFiles(dir: string): string[] {
  return readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .sort();
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('build-package', () => {
  it('bundles each exports entry and each named extra entry at its path, shared code in a chunk beside them', () => {
    const dir = makePackage();
    build(dir, 'src/worker.ts');
    const files = jsFiles(dir);
    expect(files.filter((file) => !file.startsWith('chunk-'))).toEqual([
      'deep/index.js',
      'index.js',
      'worker.js',
    ]);
    expect(files.filter((file) => file.startsWith('chunk-'))).toHaveLength(1);
    expect(readdirSync(join(dir, 'dist'))).toContain('index.js.map');
    // A dependency stays an import: a host shares one copy of it with its plugins.
    expect(readFileSync(join(dir, 'dist', 'worker.js'), 'utf8')).toContain('from "fs-extra"');
    expect(importBoth(dir)).toContain('top deep one copy');
  });

  it('with --one-chunk, builds one module the entries re-export from, the side-effect import first', () => {
    const dir = makePackage();
    build(dir, '--one-chunk');
    expect(jsFiles(dir)).toEqual(['bundle.js', 'deep/index.js', 'index.js']);
    expect(readFileSync(join(dir, 'dist', 'deep', 'index.js'), 'utf8')).toBe(
      "export { deep, shared } from '../bundle.js';\n",
    );
    expect(importBoth(dir)).toBe('check\nshared\ntop deep one copy\n');
  });

  it('with --one-chunk, refuses a name two entries export for different things', () => {
    const dir = makePackage();
    writeFileSync(join(dir, 'src', 'deep', 'index.ts'), "export const top = 'deep';\n");
    const built = spawnSync(process.execPath, [SCRIPT, '--one-chunk'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(built.status).not.toBe(0);
    expect(built.stderr).toContain(
      'dist/deep/index.js: No matching export in "dist/bundle.js" for import "top"',
    );
  });

  it('with --one-chunk, reports a warning about the code as itself, and builds', () => {
    const dir = makePackage();
    const odd = "export const odd = typeof globalThis === 'undefinedd';\n";
    writeFileSync(join(dir, 'src', 'index.ts'), `export const top = 'top';\n${odd}`);
    const built = spawnSync(process.execPath, [SCRIPT, '--one-chunk'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(built.stderr).toContain(
      'build-package: warning: dist/bundle.js: The "typeof" operator will never evaluate to "undefinedd"',
    );
    expect(built.stderr).not.toContain('lacks a name');
    expect(built.status).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'index.js'), 'utf8')).toBe(
      "export { odd, top } from './bundle.js';\n",
    );
  });

  it('leaves no file of an earlier build in dist', () => {
    const dir = makePackage();
    mkdirSync(join(dir, 'dist', 'shared'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'shared', 'old.js'), 'export {};\n');
    build(dir, '--one-chunk');
    expect(jsFiles(dir)).not.toContain('shared/old.js');
  });
});
