/**
 * Rewrites the marked blocks of pages from their files: each `example` block
 * gets the file's text, each `output` block what the program prints now. It is
 * the writer's tool; docs.test.ts is the check. Review the diff it leaves: an
 * output that changed is either the point of your change or a bug.
 *
 *   node --conditions=@plugin-patterns/source docs/test-support/sync-examples.ts [page.md ...]
 *
 * Without pages, every page under docs/ and every README is synced. Pages are
 * named relative to docs/ (`../packages/loader/README.md`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  asBlockText,
  FENCE,
  isClosingFence,
  listPages,
  listRepositoryPages,
  markerOf,
} from './markdown-blocks.ts';
import { describeFailure, runExample } from './run-example.ts';

const docsDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(docsDir, '..');

const pages =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [...listPages(docsDir), ...listRepositoryPages(docsDir)];
for (const page of pages) {
  const path = join(docsDir, page.replace(/^docs\//, ''));
  const before = readFileSync(path, 'utf8');
  const after = await sync(before);
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`updated ${page}`);
  }
}

async function sync(markdown: string): Promise<string> {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let marker: ReturnType<typeof markerOf>;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = FENCE.exec(line);
    if (open === null) {
      out.push(line);
      if (line.trim() !== '') marker = markerOf(line);
      continue;
    }
    const [, indent = '', fence = '', info = ''] = open;
    let close = i + 1;
    // The block ends where the checker's parser ends it (parseBlocks).
    while (close < lines.length && !isClosingFence(lines[close] ?? '', fence)) close++;
    const body = await bodyFor(marker);
    if (body === undefined) {
      out.push(...lines.slice(i, close + 1));
    } else {
      // A fence longer than any run of its character inside the body.
      const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
      const newFence = fence[0] === '`' ? '`'.repeat(Math.max(3, longest + 1)) : fence;
      out.push(`${indent}${newFence}${info}`);
      if (body !== '') out.push(...body.split('\n').map((l) => (l === '' ? l : indent + l)));
      out.push(`${indent}${newFence}`);
    }
    marker = undefined;
    i = close;
  }
  return out.join('\n');
}

async function bodyFor(marker: ReturnType<typeof markerOf>): Promise<string | undefined> {
  if (marker?.kind === 'example')
    return asBlockText(readFileSync(join(docsDir, marker.file), 'utf8'));
  if (marker?.kind !== 'output') return undefined;
  const run = await runExample(`docs/${marker.file}`, { cwd: repoRoot });
  const failure = describeFailure(run);
  if (failure !== undefined) throw new Error(failure);
  return run.stdout.replace(/\n$/, '');
}
