/**
 * The global check of the executable-docs convention: every program sample in
 * every page comes from a file, every file is shown somewhere, every shown
 * program runs, and every printed output in a page is what the program
 * prints today. Pages and samples cannot drift apart without this failing.
 *
 * The convention (see test-support/markdown-blocks.ts): the HTML comment right
 * above a fenced block ties it to a file under docs/examples/. The READMEs of
 * the repository and its packages follow it too: they are what a user reads
 * first, and they drift from the code as easily as any page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asBlockText,
  type CodeBlock,
  listExamples,
  listPages,
  listRepositoryPages,
  PROGRAM_LANGUAGES,
  readBlocks,
  relativeLinks,
} from './test-support/markdown-blocks.ts';
import {
  describeFailure,
  type ExampleRun,
  mapLimit,
  runExample,
} from './test-support/run-example.ts';

const docsDir = import.meta.dirname;
const repoRoot = resolve(docsDir, '..');
// The site's pages, and the READMEs beside the code: one convention for both.
const pages = [...listPages(docsDir), ...listRepositoryPages(docsDir)];
const blocks = pages.flatMap((page) => readBlocks(docsDir, page));
const examples = listExamples(docsDir);

const exampleBlocks = blocks.filter((b) => b.marker?.kind === 'example');
const outputBlocks = blocks.filter((b) => b.marker?.kind === 'output');
/** Every program a page shows or prints the output of, each once, in a stable order. */
const programs = [...new Set([...exampleBlocks, ...outputBlocks].map(fileOf))]
  .filter((file) => isExampleFile(file) && existsSync(join(docsDir, file)))
  .sort();

describe('the pages', () => {
  it('are found, starting with the introduction', () => {
    expect(pages).toContain('index.md');
  });

  it.each(pages)('%s shows no program sample that is not tied to a file', (page) => {
    const unchecked = blocks
      .filter((b) => b.page === page && PROGRAM_LANGUAGES.has(b.lang))
      .filter((b) => b.marker?.kind !== 'example' && b.marker?.kind !== 'not-run')
      .map(where);
    expect(unchecked, 'add <!-- example: examples/<area>/<file>.ts --> above each').toEqual([]);
  });

  it.each(pages)('%s has only well-formed markers', (page) => {
    const problems: string[] = [];
    for (const block of blocks.filter((b) => b.page === page)) {
      const marker = block.marker;
      if (marker === undefined) continue;
      if (marker.kind === 'unknown')
        problems.push(`${where(block)}: unknown marker ${marker.text}`);
      if (marker.kind === 'not-run' && marker.reason === '') {
        problems.push(`${where(block)}: not-run needs a reason`);
      }
      if (marker.kind === 'example' || marker.kind === 'output') {
        if (!isExampleFile(marker.file)) {
          problems.push(`${where(block)}: ${marker.file} is not examples/<area>/<file>.ts`);
        } else if (!existsSync(join(docsDir, marker.file))) {
          problems.push(`${where(block)}: ${marker.file} does not exist`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(pages)('%s links only to pages and files that exist', (page) => {
    const markdown = readFileSync(join(docsDir, page), 'utf8');
    const broken = relativeLinks(markdown)
      .filter(({ href }) => !existsSync(linkTarget(page, href)))
      .map(({ line, href }) => `${page}:${line} ${href}`);
    expect(broken).toEqual([]);
  });
});

// Each page's marker check above already fails for a file that is not under
// examples/ or does not exist; these compare the blocks whose files do.
describe('example blocks', () => {
  for (const block of exampleBlocks.filter((b) => existsSync(join(docsDir, fileOf(b))))) {
    it(`${where(block)} equals ${fileOf(block)}`, () => {
      const file = asBlockText(readFileSync(join(docsDir, fileOf(block)), 'utf8'));
      expect(block.content).toBe(file);
    });
  }
});

describe('every example file', () => {
  it('is shown by some page (no orphans)', () => {
    const shown = new Set(exampleBlocks.map(fileOf));
    expect(examples.filter((file) => !shown.has(file))).toEqual([]);
  });
});

describe('the example programs', () => {
  const runs = new Map<string, ExampleRun>();

  beforeAll(async () => {
    // Two at a time: the machine has two cores, and each run is a fresh node.
    const results = await mapLimit(programs, 2, (file) =>
      runExample(`docs/${file}`, { cwd: repoRoot }),
    );
    for (const [index, run] of results.entries()) runs.set(programs[index] ?? '', run);
  }, 300_000);

  it('include every program a page prints the output of', () => {
    const missing = outputBlocks.filter((b) => !programs.includes(fileOf(b))).map(where);
    expect(missing).toEqual([]);
  });

  for (const file of programs) {
    it(`${file} runs and exits 0`, () => {
      const run = runs.get(file);
      expect(run, `${file} was not run`).toBeDefined();
      if (run === undefined) return;
      // The whole description, signal and stderr included, is what a failure shows.
      expect(describeFailure(run)).toBeUndefined();
    });
  }

  for (const block of outputBlocks.filter((b) => programs.includes(fileOf(b)))) {
    it(`${where(block)} is what ${fileOf(block)} prints`, () => {
      const run = runs.get(fileOf(block));
      expect(run, `${fileOf(block)} was not run`).toBeDefined();
      // A block holds lines; the program ended its last line with a newline.
      const expected = block.content === '' ? '' : `${block.content}\n`;
      expect(run?.stdout).toBe(expected);
    });
  }
});

function fileOf(block: CodeBlock): string {
  const marker = block.marker;
  return marker?.kind === 'example' || marker?.kind === 'output'
    ? posix.normalize(marker.file)
    : '';
}

function isExampleFile(file: string): boolean {
  // TypeScript, or JavaScript where a program must run unbuilt under node_modules (a plugin package).
  return /^examples\/[^/]+\/.+\.(ts|js)$/.test(posix.normalize(file)) && !file.includes('..');
}

function where(block: CodeBlock): string {
  return `${block.page}:${block.line}`;
}

/** The file a relative link of `page` points at (a page's `.md`, or any repository file). */
function linkTarget(page: string, href: string): string {
  const path = decodeURIComponent(href.replace(/[?#].*$/, ''));
  const from = path.startsWith('/') ? docsDir : dirname(join(docsDir, page));
  const target = join(from, path.startsWith('/') ? path.slice(1) : path);
  if (path.endsWith('.html')) return target.replace(/\.html$/, '.md');
  if (path.endsWith('/') || path === '') return target;
  return /\.[a-z0-9]+$/i.test(path) ? target : `${target}.md`;
}
