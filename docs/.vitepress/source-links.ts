/**
 * Pages link to the source file of each approach with plain relative links
 * (`../packages/loader/src/enabling/allow-list.ts`), so the links work where
 * the Markdown is read on a repository host. The built site does not hold
 * those files, so this markdown-it rule rewrites every relative link to a
 * non-page file into a link to the repository, whose address is read from the
 * loader's package.json: one place to change when the project moves.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { MarkdownRenderer } from 'vitepress';

const repoRoot = new URL('../../', import.meta.url);

export function sourceLinks(md: MarkdownRenderer): void {
  const base = repositoryBrowseUrl();
  md.core.ruler.push('source-links', (state) => {
    const page = String((state.env as { relativePath?: string }).relativePath ?? 'index.md');
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const href = token.attrGet('href');
        if (href === null || !isRelative(href)) continue;
        const target = posix.normalize(posix.join('docs', posix.dirname(page), href));
        if (isPage(target)) continue;
        token.attrSet('href', `${base}/${target}`);
      }
    }
  });
}

function isRelative(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && !href.startsWith('/');
}

/** Pages are the Markdown files under docs/; everything else is a source file. */
function isPage(target: string): boolean {
  const path = target.replace(/[?#].*$/, '');
  return path.startsWith('docs/') && !/\.(?!md$|html$)[a-z0-9]+$/i.test(path);
}

function repositoryBrowseUrl(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('packages/loader/package.json', repoRoot), 'utf8'),
  ) as { repository?: { url?: string } };
  const url = manifest.repository?.url ?? 'https://example.invalid/plugin-patterns.git';
  return `${url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main`;
}
