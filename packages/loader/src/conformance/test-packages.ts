/**
 * Plugin packages for the conformance kit's tests, written to a temporary
 * folder: one that conforms, one with every kind of fault a plugin author can
 * make, and the host options (integrations, contracts) they are checked
 * against. Not part of the public API.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convention } from '../enforcement/convention.ts';
import { construct } from '../integration/construct.ts';

// What a host would publish for its plugin authors: how it builds and checks plugins.
export const host = {
  integration: {
    'meter.storage': construct({ args: [{ url: 'memory:' }] }),
    'meter.pollster': construct(),
  },
  contracts: {
    'meter.storage': convention({
      name: 'StorageDriver',
      members: { write: 'function', query: 'function', close: 'function' },
    }),
    'meter.pollster': convention({
      name: 'Pollster',
      members: { meters: 'array', poll: 'function' },
    }),
  },
};

const STORAGE = `
export class MemoryStorage {
  constructor(options) { this.url = options.url; }
  async write() {} async query() { return []; } async close() {}
}
export class Broken { constructor() { throw new Error('cannot open ' + 'the store'); } }
export class HalfDriver { async write() {} }
`;

export interface FixturePackages {
  readonly root: string;
  readonly good: string;
  readonly bad: string;
  /** Writes another package into the same folder. */
  write(name: string, contents: PackageContents): string;
  remove(): void;
}

interface PackageContents {
  readonly manifest: Record<string, unknown>;
  readonly files: Record<string, string>;
}

export function writeFixturePackages(): FixturePackages {
  const root = mkdtempSync(join(tmpdir(), 'conformance-'));
  const writePackage = (name: string, contents: PackageContents) => write(root, name, contents);
  const good = writePackage('good-plugins', {
    manifest: {
      exports: { './storage': './storage.js', './pollsters': './pollsters.js' },
      entryPoints: {
        'meter.storage': { memory: './storage:MemoryStorage' },
        'meter.pollster': { cpu: './pollsters:CpuPollster' },
      },
    },
    files: {
      'storage.js': STORAGE,
      'pollsters.js': `export class CpuPollster { meters = ['cpu.util']; poll() { return []; } }`,
    },
  });
  writeFileSync(join(root, 'outside.js'), 'export const Sneaky = class {};');
  const bad = writePackage('bad-plugins', {
    manifest: {
      exports: {
        './storage': './storage.js',
        './explodes': './explodes.js',
        './linked': './linked.js',
      },
      entryPoints: {
        'meter.storage': {
          escapes: '../outside:Sneaky',
          unexported: './internal:Store',
          explodes: './explodes:Store',
          'missing-export': './storage:Nope',
          'throws-in-constructor': './storage:Broken',
          'wrong-shape': './storage:HalfDriver',
          'linked-outside': './linked:Sneaky',
        },
        'meter.pollster': 'not an object',
      },
    },
    files: {
      'storage.js': STORAGE,
      'internal.js': 'export class Store {}',
      'explodes.js': `throw new Error('module init failed');`,
    },
  });
  symlinkSync(join(root, 'outside.js'), join(bad, 'linked.js'));
  return {
    root,
    good,
    bad,
    write: writePackage,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function write(root: string, name: string, contents: PackageContents): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const manifest = { name, version: '1.0.0', type: 'module', ...contents.manifest };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(contents.files)) writeFileSync(join(dir, file), text);
  return dir;
}
