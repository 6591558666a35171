// The published path: the built packages copied (not linked) into a host's
// node_modules, with the exports they are published with. Node refuses to
// strip types under node_modules, so this proves the worker and the child run
// the built plugin side (dist/plugin-side.js), not the TypeScript source.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGES = join(import.meta.dirname, '..', '..');
const PUBLISHED = { loader: ['dist'], isolation: ['dist', 'untrusted-plugins'] };
let root: string;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'isolation-published-')));
  for (const [folder, parts] of Object.entries(PUBLISHED)) {
    const from = join(PACKAGES, folder);
    if (!existsSync(join(from, 'dist', 'index.js'))) {
      throw new Error(`${from}/dist is missing: run "pnpm build" first`);
    }
    const to = join(root, 'node_modules', '@plugin-patterns', folder);
    mkdirSync(to, { recursive: true });
    for (const part of parts) cpSync(join(from, part), join(to, part), { recursive: true });
    // As `pnpm publish` writes it: publishConfig's exports replace the workspace's.
    const manifest = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
    manifest.exports = manifest.publishConfig.exports;
    writeFileSync(join(to, 'package.json'), JSON.stringify(manifest));
  }
  cpSync(join(import.meta.dirname, 'published-host', 'host.mjs'), join(root, 'host.mjs'));
});

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

const EXPECTED = [
  'worker steady: [{"meter":"untrusted.steady","volume":1}]',
  'worker loops-forever: PluginTimeoutError',
  'worker closed',
  'child steady: [{"meter":"untrusted.steady","volume":1}]',
  'child loops-forever: PluginTimeoutError',
  'child closed',
];

describe('the workspace sources, in a plain Node process', () => {
  it('hold the event loop while a stopped or closed worker or child ends (no test runner holds it here)', () => {
    // Resolved through the package's own name, to its TypeScript sources.
    const host = join(import.meta.dirname, 'published-host', 'host.mjs');
    const output = execFileSync(process.execPath, ['--conditions=@plugin-patterns/source', host], {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(output.trim().split('\n')).toEqual(EXPECTED);
  });
});

describe('the published package', () => {
  it('runs plugins in a worker and in a child process from node_modules', () => {
    // Without the workspace's source condition, as an application runs.
    const env = { ...process.env, NODE_OPTIONS: '' };
    const output = execFileSync(process.execPath, [join(root, 'host.mjs')], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(output.trim().split('\n')).toEqual(EXPECTED);
  });
});
