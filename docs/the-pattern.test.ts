/**
 * "The pattern in N lines": each pattern's page opens with the whole pattern
 * in one file that a reader can copy alone and run with `node file.ts`. These
 * tests hold the file to that promise: it is the page's first sample, under a
 * heading that gives its true length; it is at most 40 lines; it imports
 * nothing but Node's built-ins; and, copied alone into an empty folder and
 * run with a plain `node` (no workspace, no export condition), it prints what
 * the page shows.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBlocks } from './test-support/markdown-blocks.ts';

const docsDir = import.meta.dirname;
const MAX_LINES = 40;

const PATTERNS = [
  { page: 'driver.md', file: 'examples/driver/the-pattern.ts' },
  { page: 'dispatch.md', file: 'examples/dispatch/the-pattern.ts' },
  { page: 'iterator.md', file: 'examples/iterator/the-pattern.ts' },
] as const;

const scratch = mkdtempSync(join(tmpdir(), 'plugin-patterns-in-n-lines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(PATTERNS)('$page, the pattern in N lines', ({ page, file }) => {
  const source = readFileSync(join(docsDir, file), 'utf8');
  const lines = source.replace(/\n$/, '').split('\n').length;
  const markdown = readFileSync(join(docsDir, page), 'utf8');
  const blocks = readBlocks(docsDir, page);

  it('is the first section of the page and its first sample', () => {
    const firstSection = /^## (.*)$/m.exec(markdown)?.[1];
    expect(firstSection).toBe(`The pattern in ${lines} lines`);
    const firstExample = blocks.find((block) => block.marker?.kind === 'example');
    expect(firstExample?.marker).toEqual({ kind: 'example', file });
  });

  it(`is at most ${MAX_LINES} lines`, () => {
    expect(lines).toBeLessThanOrEqual(MAX_LINES);
  });

  it('imports nothing but node: built-ins', () => {
    const specifiers = importSpecifiers(source);
    expect(specifiers.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });

  it('runs alone in an empty folder with plain node, printing what the page shows', () => {
    const dir = mkdtempSync(join(scratch, 'copy-'));
    copyFileSync(join(docsDir, file), join(dir, basename(file)));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    // The test runner's NODE_OPTIONS carries the workspace's export condition.
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [basename(file)], { cwd: dir, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const shown = blocks.find(
      (block) => block.marker?.kind === 'output' && block.marker.file === file,
    );
    expect(shown, `${page} shows no output of ${file}`).toBeDefined();
    expect(run.stdout).toBe(`${shown?.content}\n`);
  });
});

describe('importSpecifiers', () => {
  it('finds static, side-effect, dynamic and re-export specifiers, and require', () => {
    const text = [
      "import { a } from 'node:fs';",
      "import type { B } from './b.ts';",
      "import 'side-effect';",
      "const c = await import('dynamic');",
      "export { d } from 'reexport';",
      "const e = require('cjs');",
      "export const f = 'not a module';",
      "export function g() { return 'nor this'; }",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      'node:fs',
      './b.ts',
      'side-effect',
      'reexport',
      'dynamic',
      'cjs',
    ]);
  });
});

/** Every module specifier a source names: static imports, re-exports, import() and require(). */
function importSpecifiers(source: string): string[] {
  const fromClauses = [
    ...source.matchAll(/^\s*(?:import|export)\b[^'"()=;]*?(?:from\s*)?['"]([^'"]+)['"]/gm),
  ];
  const calls = [...source.matchAll(/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]/g)];
  return [...fromClauses, ...calls].map((match) => match[1] ?? '');
}
