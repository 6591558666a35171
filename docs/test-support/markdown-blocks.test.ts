import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asBlockText,
  listRepositoryPages,
  markerOf,
  parseBlocks,
  relativeLinks,
} from './markdown-blocks.ts';

const page = [
  '# A page',
  '',
  '<!-- example: examples/discovery/scan.ts -->',
  '',
  '```ts',
  "console.log('hi');",
  '```',
  '',
  '<!-- output: examples/discovery/scan.ts -->',
  '```text',
  'hi',
  '```',
  '',
  'Some prose.',
  '',
  '```ts{2}',
  'const unchecked = 1;',
  '```',
  '',
  '<!-- not-run: a type signature only -->',
  '````typescript',
  '```',
  '````',
].join('\n');

describe('parseBlocks', () => {
  const blocks = parseBlocks(page, 'page.md');

  it('finds every fenced block with its line and language', () => {
    expect(blocks.map((b) => [b.line, b.lang])).toEqual([
      [5, 'ts'],
      [10, 'text'],
      [16, 'ts'],
      [21, 'typescript'],
    ]);
  });

  it('ties a block to the marker comment right above it', () => {
    expect(blocks.map((b) => b.marker)).toEqual([
      { kind: 'example', file: 'examples/discovery/scan.ts' },
      { kind: 'output', file: 'examples/discovery/scan.ts' },
      undefined,
      { kind: 'not-run', reason: 'a type signature only' },
    ]);
  });

  it('keeps the content without the fences, including a shorter fence inside a longer one', () => {
    expect(blocks[0]?.content).toBe("console.log('hi');");
    expect(blocks[3]?.content).toBe('```');
  });

  it('does not carry a marker past prose to a later block', () => {
    const text = '<!-- example: examples/a/b.ts -->\n\nprose\n\n```ts\nx\n```\n';
    expect(parseBlocks(text, 'p.md')[0]?.marker).toBeUndefined();
  });

  it('strips the fence indentation inside list items', () => {
    const text = '- item\n\n  <!-- example: examples/a/b.ts -->\n  ```ts\n  const a = 1;\n  ```\n';
    const [block] = parseBlocks(text, 'p.md');
    expect(block?.content).toBe('const a = 1;');
    expect(block?.marker).toEqual({ kind: 'example', file: 'examples/a/b.ts' });
  });
});

describe('markerOf', () => {
  it('reports a misspelt marker as unknown instead of ignoring it', () => {
    expect(markerOf('<!-- exmaple: examples/a/b.ts -->')).toEqual({
      kind: 'unknown',
      text: '<!-- exmaple: examples/a/b.ts -->',
    });
  });

  it('ignores ordinary comments', () => {
    expect(markerOf('<!-- just a note -->')).toBeUndefined();
  });
});

describe('asBlockText', () => {
  it('drops trailing newlines and Windows line ends', () => {
    expect(asBlockText('a\r\nb\n\n')).toBe('a\nb');
  });
});

describe('relativeLinks', () => {
  it('finds page and source links in prose, not in code or external links', () => {
    const text = [
      'See [discovery](./discovery.md) and [the source](../packages/loader/src/index.ts).',
      'An [outside link](https://example.com) and an [anchor](#top).',
      'Inline `[not](a-link.md)` code.',
      '```md',
      '[inside](code.md)',
      '```',
    ].join('\n');
    expect(relativeLinks(text)).toEqual([
      { line: 1, href: './discovery.md' },
      { line: 1, href: '../packages/loader/src/index.ts' },
    ]);
  });
});

describe('listRepositoryPages', () => {
  const pages = listRepositoryPages(resolve(import.meta.dirname, '..'));

  it('names the READMEs and the contributing guide, relative to docs/', () => {
    expect(pages).toContain('../README.md');
    expect(pages).toContain('../CONTRIBUTING.md');
    expect(pages).toContain('../packages/loader/README.md');
    expect(pages).toContain('../packages/loader/src/discovery/README.md');
  });

  it("leaves out the release tool's README and anything in node_modules", () => {
    expect(pages.filter((page) => page.includes('.changeset'))).toEqual([]);
    expect(pages.filter((page) => page.includes('node_modules'))).toEqual([]);
  });
});
