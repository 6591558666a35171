/**
 * Pages link to the source file of each approach with plain relative links
 * (`../packages/loader/src/enabling/allow-list.ts`), so the links work where
 * the Markdown is read on a repository host. On the built site this
 * markdown-it rule points each of them at the site's own page for that file
 * (`/source/packages/loader/src/enabling/allow-list.ts.html`), which
 * `source/[file].paths.ts` builds from the file itself (see source-files.ts).
 */
import type { MarkdownRenderer } from 'vitepress';
import { asSourcePath, isPagePath, isRelative, linkTarget, sourcePageUrl } from './source-files.ts';

export function sourceLinks(md: MarkdownRenderer): void {
  md.core.ruler.push('source-links', (state) => {
    const page = String((state.env as { relativePath?: string }).relativePath ?? 'index.md');
    // The source pages show files as they are; their own links are not rewritten again.
    if (page.startsWith('source/')) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const href = token.attrGet('href');
        if (href === null || !isRelative(href)) continue;
        const target = linkTarget(page, href);
        if (isPagePath(target)) continue;
        const fragment = /#.*$/.exec(href)?.[0] ?? '';
        token.attrSet('href', `${sourcePageUrl(asSourcePath(target))}${fragment}`);
      }
    }
  });
}
