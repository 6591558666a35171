/**
 * The loader's folders follow the essay's stages, and a stage may import only
 * from the stages before it (and from the folders below them all): a reader
 * can then read the stages in order, and a helper two stages need is never
 * found in the later one. This test reads every import of the sources and
 * names the first that points forward.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../src');

/** Folders in reading order; `shared/` and `errors/` sit below every stage. */
const ORDER = [
  'shared',
  'errors',
  'discovery',
  'enabling',
  'importing',
  'integration',
  'enforcement',
  'tracing',
  'extension',
  'invocation',
  'conformance',
  'testing',
];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .filter((e) => !e.name.startsWith('test-'))
    .map((e) => join(e.parentPath, e.name));
}

function stageOf(file: string): string {
  return relative(src, file).split('/')[0] ?? '';
}

function forwardImports(): string[] {
  const found: string[] = [];
  for (const file of sources(src)) {
    const from = ORDER.indexOf(stageOf(file));
    // index.ts and namespace.ts compose the stages; a folder's own index.ts
    // (a subpath's entry) may gather from below it, as the front door does.
    if (from === -1 || file.endsWith('/index.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
      const to = ORDER.indexOf(stageOf(resolve(dirname(file), spec as string)));
      if (to > from) found.push(`${relative(src, file)} imports ${spec}`);
    }
  }
  return found;
}

describe('loader layout', () => {
  it('no stage imports from a later stage', () => {
    expect(forwardImports()).toEqual([]);
  });

  it('the check sees every folder of the sources', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((name) => !ORDER.includes(name))).toEqual([]);
  });

  it('keeps the discovery cache in a folder of its own', () => {
    const discovery = readdirSync(join(src, 'discovery'));
    expect(discovery.filter((name) => /^(cache|fingerprint)/.test(name))).toEqual(['cache']);
  });
});
