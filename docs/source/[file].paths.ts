/**
 * One page per source file the docs link to (and one per linked folder),
 * built from the file as it is: VitePress calls `paths()` at build time and
 * puts each `content` where `[file].md` says `<!-- @content -->`.
 */
import { posix } from 'node:path';
import {
  filesIn,
  linkedSources,
  readSource,
  type SourcePage,
  sourcePageUrl,
  sourceRoute,
} from '../.vitepress/source-files.ts';

export default {
  paths() {
    return linkedSources().map((source) => ({
      params: { file: sourceRoute(source.path) },
      content: source.path.endsWith('/') ? folderPage(source) : filePage(source),
    }));
  },
};

function filePage(source: SourcePage): string {
  const text = readSource(source.path).replace(/\n+$/, '');
  // A fence longer than any run of backticks in the file.
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [
    `# ${posix.basename(source.path)}`,
    '',
    intro(source),
    '',
    `${fence}${language(source.path)}`,
    text,
    fence,
    '',
  ].join('\n');
}

function folderPage(source: SourcePage): string {
  const files = filesIn(source.path).map(
    (file) => `- [${posix.basename(file)}](${sourcePageUrl(file)})`,
  );
  return [`# ${source.path}`, '', intro(source), '', ...files, ''].join('\n');
}

function intro(source: SourcePage): string {
  const pages = source.linkedFrom.map((page) => {
    const name = page.replace(/\.md$/, '');
    return `[${name === 'index' ? 'introduction' : name}](/${name === 'index' ? '' : `${name}.html`})`;
  });
  return `\`${source.path}\`, as it is in this repository when the site was built. Linked from ${pages.join(', ')}.`;
}

function language(path: string): string {
  const extension = posix.extname(path).slice(1);
  return (
    { ts: 'ts', js: 'js', mjs: 'js', json: 'json', md: 'md', sh: 'sh', yaml: 'yaml' }[extension] ??
    'text'
  );
}
