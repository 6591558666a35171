/**
 * Reads the executable-docs convention out of the Markdown pages. A fenced
 * block is tied to a file by the HTML comment right above it:
 *
 *   <!-- example: examples/discovery/package-scan.ts -->   the block is that file
 *   <!-- output: examples/discovery/package-scan.ts -->    the block is its stdout
 *   <!-- not-run: why this snippet cannot run -->          an explicit opt-out
 *
 * Paths are relative to docs/. The comments are invisible on the site and on
 * a repository host, so the pages read as plain Markdown while the tests can
 * hold every sample to a real file.
 */
import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

export type Marker =
  | { readonly kind: 'example'; readonly file: string }
  | { readonly kind: 'output'; readonly file: string }
  | { readonly kind: 'not-run'; readonly reason: string }
  /** A comment shaped like a marker whose kind is none of the above (a typo). */
  | { readonly kind: 'unknown'; readonly text: string };

export interface CodeBlock {
  /** The page, relative to docs/ (`discovery.md`, `../packages/loader/README.md`). */
  readonly page: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The language, lower-cased, without VitePress extras (`ts{1,3}` → `ts`). */
  readonly lang: string;
  /** The block's text, lines joined by `\n`, without a final newline. */
  readonly content: string;
  readonly marker: Marker | undefined;
}

/** Languages whose blocks are programs and so must come from an example file. */
export const PROGRAM_LANGUAGES: ReadonlySet<string> = new Set([
  'ts',
  'typescript',
  'js',
  'javascript',
  'mjs',
  'cjs',
  'mts',
  'cts',
  'tsx',
  'jsx',
]);

const MARKER = /^\s*<!--\s*([a-z][a-z-]*)\s*:\s*(.*?)\s*-->\s*$/i;
/** An opening fence: its indent, the fence itself, and the info string. */
export const FENCE: RegExp = /^(\s*)(`{3,}|~{3,})(.*)$/;

export function parseBlocks(markdown: string, page: string): CodeBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: CodeBlock[] = [];
  let lastNonBlank: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = FENCE.exec(line);
    if (open === null) {
      if (line.trim() !== '') lastNonBlank = line;
      continue;
    }
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const candidate = lines[j] ?? '';
      if (isClosingFence(candidate, fence)) break;
      body.push(stripIndent(candidate, indent.length));
    }
    blocks.push({
      page,
      line: i + 1,
      lang: languageOf(info),
      content: body.join('\n'),
      marker: lastNonBlank === undefined ? undefined : markerOf(lastNonBlank),
    });
    lastNonBlank = undefined;
    i = j;
  }
  return blocks;
}

export function markerOf(line: string): Marker | undefined {
  const match = MARKER.exec(line);
  if (match === null) return undefined;
  const kind = (match[1] ?? '').toLowerCase();
  const value = match[2] ?? '';
  if (kind === 'example' || kind === 'output') return { kind, file: value };
  if (kind === 'not-run') return { kind, reason: value };
  return { kind: 'unknown', text: line.trim() };
}

export interface Link {
  readonly line: number;
  readonly href: string;
}

/**
 * The relative links of a page's prose (code blocks and inline code left
 * out): links to other pages and to source files, which must all exist.
 */
export function relativeLinks(markdown: string): Link[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const links: Link[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const open = FENCE.exec(line);
    if (fence !== undefined) {
      if (isClosingFence(line, fence)) fence = undefined;
      return;
    }
    if (open !== null) {
      fence = open[2];
      return;
    }
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const href = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
      links.push({ line: index + 1, href });
    }
  });
  return links;
}

/** Every Markdown page under `docsDir`, relative to it, skipping build and dependency folders. */
export function listPages(docsDir: string): string[] {
  return walk(docsDir, (path) => path.endsWith('.md')).map((p) => toPosix(relative(docsDir, p)));
}

/**
 * The repository's own pages outside docs/ — the READMEs a user reads first on
 * the package registry and the repository host, and the contributing guide —
 * relative to `docsDir` (`../packages/loader/README.md`), so that the same
 * convention and checks hold them to the same files as the site's pages.
 * (`.changeset/README.md` is the release tool's, not the project's.)
 */
export function listRepositoryPages(docsDir: string): string[] {
  const repoRoot = join(docsDir, '..');
  const topLevel = ['README.md', 'CONTRIBUTING.md', join('bench', 'README.md')]
    .map((page) => join(repoRoot, page))
    .filter((path) => existsSync(path));
  const packageReadmes = walk(join(repoRoot, 'packages'), (path) => basename(path) === 'README.md');
  return [...topLevel, ...packageReadmes].map((p) => toPosix(relative(docsDir, p)));
}

/** Every example program under `docsDir/examples`, relative to `docsDir`; tests are not examples. */
export function listExamples(docsDir: string): string[] {
  return walk(join(docsDir, 'examples'), (path) => isExampleProgram(path)).map((p) =>
    toPosix(relative(docsDir, p)),
  );
}

export function readBlocks(docsDir: string, page: string): CodeBlock[] {
  return parseBlocks(readFileSync(join(docsDir, page), 'utf8'), page);
}

/** The text a file must have for an `example` block to equal it. */
export function asBlockText(fileText: string): string {
  return fileText.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

function isExampleProgram(path: string): boolean {
  return (
    /\.(ts|mts|js|mjs)$/.test(path) && !/\.test\.[mc]?[jt]s$/.test(path) && !path.endsWith('.d.ts')
  );
}

/** Whether `line` closes a block opened by `fence` (the same character, at least as many). */
export function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length >= fence.length &&
    trimmed.startsWith(fence) &&
    [...trimmed].every((c) => c === fence[0])
  );
}

function stripIndent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut++;
  return line.slice(cut);
}

function languageOf(info: string): string {
  return (info.trim().split(/[\s{:[]/)[0] ?? '').toLowerCase();
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.vitepress', 'dist', 'cache']);

function walk(dir: string, keep: (path: string) => boolean): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...walk(path, keep));
    } else if (entry.isFile() && keep(path)) {
      found.push(path);
    }
  }
  return found;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
