/**
 * The iterator page's samples, held to their files: every program shown in
 * docs/iterator.md is one of the files here, byte for byte, and every output
 * shown is what that program prints today, run the way a reader would:
 * `node --conditions=@plugin-patterns/source docs/examples/iterator/<file>.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asBlockText, readBlocks } from '../../test-support/markdown-blocks.ts';
import { runExample } from '../../test-support/run-example.ts';

const here = import.meta.dirname;
const docsDir = resolve(here, '../..');
const repoRoot = resolve(docsDir, '..');
const blocks = readBlocks(docsDir, 'iterator.md');
const programs = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `examples/iterator/${f}`)
  .sort();

function marked(kind: 'example' | 'output'): { file: string; content: string }[] {
  return blocks.flatMap((b) =>
    b.marker?.kind === kind ? [{ file: b.marker.file, content: b.content }] : [],
  );
}

describe('docs/iterator.md', () => {
  it('shows every iterator example, and its output', () => {
    const shown = (kind: 'example' | 'output') =>
      [...new Set(marked(kind).map((b) => b.file))].sort();
    expect(shown('example')).toEqual(programs);
    expect(shown('output')).toEqual(programs);
  });

  it.each(marked('example'))('shows $file as it is', ({ file, content }) => {
    expect(content).toBe(asBlockText(readFileSync(join(docsDir, file), 'utf8')));
  });

  it.each(marked('output'))('shows what $file prints', async ({ file, content }) => {
    const run = await runExample(`docs/${file}`, { cwd: repoRoot });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${content}\n`);
  });
});
