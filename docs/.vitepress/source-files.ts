/**
 * The source files the pages link to, shown on the site itself. A page links
 * to the file of each approach with a plain relative link
 * (`../packages/loader/src/enabling/allow-list.ts`), which works where the
 * Markdown is read on a repository host. The built site holds no repository,
 * so each linked file gets a page of its own under `/source/`, built from the
 * file as it is when the site is built: the link can never point at a
 * repository that moved, or at a branch where the file no longer exists.
 *
 * A link to a folder (`../packages/loader/test/properties/`) gets a page that
 * lists the folder's files, each of which gets its page too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { relativeLinks } from '../test-support/markdown-blocks.ts';

const repoRoot = join(import.meta.dirname, '../..');
const docsDir = join(repoRoot, 'docs');

/** The URL of the site's page for a repository path (`packages/…/x.ts`, or a folder ending in `/`). */
export function sourcePageUrl(repoPath: string): string {
  return `/source/${sourceRoute(repoPath)}.html`;
}

/** A folder's repository path ends in `/`, whatever the link wrote. */
export function asSourcePath(target: string): string {
  const full = join(repoRoot, target);
  const isFolder = existsSync(full) && statSync(full).isDirectory();
  return isFolder && !target.endsWith('/') ? `${target}/` : target;
}

/**
 * The route param of a repository path: the path itself, a folder as its
 * `index`. A Markdown file (a package's README) keeps its name but not its
 * last `.md`, which VitePress would take for a page of its own.
 */
export function sourceRoute(repoPath: string): string {
  if (repoPath.endsWith('/')) return `${repoPath}index`;
  return repoPath.endsWith('.md') ? `${repoPath.slice(0, -3)}.md-source` : repoPath;
}

/** A page is a Markdown file under docs/; every other relative link is a source. */
export function isPagePath(repoPath: string): boolean {
  const path = repoPath.replace(/[?#].*$/, '');
  return path.startsWith('docs/') && !/\.(?!md$|html$)[a-z0-9]+$/i.test(path);
}

/** Whether an href is relative (no scheme, not `#…`, not root-absolute). */
export function isRelative(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && !href.startsWith('/');
}

/** The repository path a relative link of `page` (relative to docs/) points at. */
export function linkTarget(page: string, href: string): string {
  const path = decodeURIComponent(href.replace(/[?#].*$/, ''));
  return posix.normalize(posix.join('docs', posix.dirname(page), path));
}

export interface SourcePage {
  /** The repository path: a file, or a folder ending in `/`. */
  readonly path: string;
  /** The pages (relative to docs/) that link here, for the "linked from" line. */
  readonly linkedFrom: readonly string[];
}

/** Every source the site's pages link to, and every file of a linked folder, sorted. */
export function linkedSources(): SourcePage[] {
  const from = new Map<string, Set<string>>();
  const add = (path: string, page: string) => {
    const pages = from.get(path) ?? new Set<string>();
    pages.add(page);
    from.set(path, pages);
  };
  for (const page of sitePages()) {
    const markdown = readFileSync(join(docsDir, page), 'utf8');
    for (const { href } of relativeLinks(markdown)) {
      if (!isRelative(href)) continue;
      const target = linkTarget(page, href);
      if (isPagePath(target) || !existsSync(join(repoRoot, target))) continue;
      const path = asSourcePath(target);
      add(path, page);
      if (path.endsWith('/')) for (const file of filesIn(path)) add(file, page);
    }
  }
  return [...from]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, pages]) => ({ path, linkedFrom: [...pages].sort() }));
}

/** The files directly inside a repository folder, as repository paths. */
export function filesIn(folder: string): string[] {
  return readdirSync(join(repoRoot, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${folder}${entry.name}`)
    .sort();
}

export function readSource(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/** The pages VitePress builds: Markdown under docs/, minus what its config leaves out. */
function sitePages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(join(docsDir, dir), { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(join(dir, entry.name), rel);
      } else if (
        entry.name.endsWith('.md') &&
        entry.name !== 'README.md' &&
        !entry.name.includes('[')
      ) {
        pages.push(rel);
      }
    }
  };
  walk('', '');
  return pages;
}

const SKIPPED = new Set([
  'node_modules',
  'examples',
  'test-support',
  'public',
  '.vitepress',
  'source',
]);
