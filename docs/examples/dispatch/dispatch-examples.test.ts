/**
 * The dispatcher page's samples, held to their files: every sample shown in
 * docs/dispatch.md is one of the programs here, byte for byte, and every
 * output shown is what that program prints today, run the way a reader would:
 * `node --conditions=@plugin-patterns/source docs/examples/dispatch/<file>.ts`.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = import.meta.dirname;
const docsDir = resolve(here, '../..');
const repoRoot = resolve(docsDir, '..');
const page = readFileSync(join(docsDir, 'dispatch.md'), 'utf8');

interface MarkedBlock {
  readonly kind: 'example' | 'output';
  /** Relative to docs/, e.g. `examples/dispatch/route-by-event-type.ts`. */
  readonly file: string;
  readonly content: string;
}

/** Each fenced block preceded (blank lines aside) by an `example:` or `output:` comment. */
function markedBlocks(markdown: string): MarkedBlock[] {
  const lines = markdown.split('\n');
  const blocks: MarkedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!--\s*(example|output):\s*(\S+)\s*-->$/.exec((lines[i] as string).trim());
    if (marker === null) continue;
    let open = i + 1;
    while (open < lines.length && (lines[open] as string).trim() === '') open++;
    const fence = /^(`{3,})/.exec(lines[open] ?? '');
    if (fence === null) throw new Error(`dispatch.md:${i + 1}: marker not followed by a block`);
    const close = lines.findIndex((line, j) => j > open && line.trim() === fence[1]);
    if (close === -1) throw new Error(`dispatch.md:${open + 1}: unclosed block`);
    blocks.push({
      kind: marker[1] as 'example' | 'output',
      file: marker[2] as string,
      content: lines.slice(open + 1, close).join('\n'),
    });
    i = close;
  }
  return blocks;
}

const blocks = markedBlocks(page);
const programs = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `examples/dispatch/${f}`)
  .sort();

async function stdoutOf(file: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const { stdout } = await run(
    process.execPath,
    ['--conditions=@plugin-patterns/source', join('docs', file)],
    { cwd: repoRoot, env, timeout: 30_000 },
  );
  return stdout;
}

describe('docs/dispatch.md', () => {
  it('shows every dispatch example, and its output', () => {
    const shown = (kind: string) =>
      [...new Set(blocks.filter((b) => b.kind === kind).map((b) => b.file))].sort();
    expect(shown('example')).toEqual(programs);
    expect(shown('output')).toEqual(programs);
  });

  it.each(blocks.filter((b) => b.kind === 'example'))(
    'shows $file as it is',
    ({ file, content }) => {
      expect(content).toBe(readFileSync(join(docsDir, file), 'utf8').trimEnd());
    },
  );

  it.each(blocks.filter((b) => b.kind === 'output'))(
    'shows what $file prints',
    async ({ file, content }) => {
      expect((await stdoutOf(file)).trimEnd()).toBe(content);
    },
  );
});
