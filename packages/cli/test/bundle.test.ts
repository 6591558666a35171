/**
 * Bundles, built for real: a host made of the built packages (`dist/`, as an
 * application installs them), with
 *
 * - a static manifest written by `plugin-patterns manifest`, bundled by
 *   esbuild and by a Vite SSR build, each run where no node_modules is in
 *   reach: the plugins must be in the bundle, found and loaded through the
 *   manifest, and pass a class contract;
 * - a package scan, bundled by esbuild: the bundle holds its own copy of
 *   PollsterBase while the plugins, imported from node_modules, extend the
 *   installed one, and `abstractClass(PollsterBase)` must accept them.
 *
 * The host folder is a temporary project whose node_modules links the
 * workspace packages, as a package manager links them.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGES = join(import.meta.dirname, '..', '..');
const LINKED = {
  '@plugin-patterns/loader': 'loader',
  '@plugin-patterns/driver': 'patterns-driver',
  '@plugin-patterns/iterator': 'patterns-iterator',
  '@plugin-patterns/meter-contracts': 'meter-contracts',
  '@plugin-patterns/sample-plugins': 'sample-plugins',
};
const BIN = join(PACKAGES, 'cli', 'src', 'bin.ts');

let root: string;
let host: string;
let elsewhere: string;

beforeAll(() => {
  for (const folder of Object.values(LINKED)) {
    const entry = join(PACKAGES, folder, 'dist', 'index.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "pnpm build" first`);
  }
  root = realpathSync(mkdtempSync(join(tmpdir(), 'plugin-patterns-bundle-')));
  host = join(root, 'host');
  elsewhere = join(root, 'elsewhere'); // no node_modules here or above
  mkdirSync(join(host, 'node_modules', '@plugin-patterns'), { recursive: true });
  mkdirSync(elsewhere);
  for (const [name, folder] of Object.entries(LINKED)) {
    symlinkSync(join(PACKAGES, folder), join(host, 'node_modules', name));
  }
  const manifest = {
    name: 'bundled-host',
    private: true,
    type: 'module',
    dependencies: { '@plugin-patterns/sample-plugins': 'workspace:^' },
  };
  writeFileSync(join(host, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const file of ['manifest-host.js', 'scan-host.js']) {
    copyFileSync(join(import.meta.dirname, 'bundle-host', file), join(host, file));
  }
  // The command a build step runs, as a process (the repo's scripts run the CLI from source).
  execFileSync(
    process.execPath,
    ['--conditions=@plugin-patterns/source', BIN, 'manifest', '--cwd', host],
    {
      encoding: 'utf8',
    },
  );
}, 60_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** Runs a built file with the built packages (no source condition), from `cwd`. */
function run(file: string, cwd: string): Record<string, unknown> {
  const stdout = execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
}

const LOADED = {
  driver: 'MemoryStorage',
  pollsters: ['CpuPollster', 'MemoryPollster'],
  failed: [],
};

describe('a host bundled with its static manifest', () => {
  it('is written by plugin-patterns manifest with an import per plugin', () => {
    const check = execFileSync(
      process.execPath,
      ['--conditions=@plugin-patterns/source', BIN, 'manifest', '--cwd', host, '--check'],
      { encoding: 'utf8' },
    );
    expect(check).toContain('plugins.manifest.js is current');
  });

  it('runs from an esbuild bundle, away from any node_modules', async () => {
    const outfile = join(elsewhere, 'esbuild', 'host.mjs');
    await esbuild({
      entryPoints: [join(host, 'manifest-host.js')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'silent',
    });
    const result = run(outfile, elsewhere);
    expect(result).toMatchObject({ ...LOADED, checked: false });
    // The fixture file is not in the bundle: the error names it, and where it looked.
    expect(result.fixture).toContain(
      'loadNotificationFixture() needs fixtures/notifications.json of @plugin-patterns/sample-plugins',
    );
  }, 60_000);

  it('runs from a Vite SSR build, away from any node_modules', async () => {
    const outDir = join(elsewhere, 'vite');
    await viteBuild({
      configFile: false,
      root: host,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: { ssr: join(host, 'manifest-host.js'), outDir, emptyOutDir: true },
    });
    const result = run(join(outDir, 'manifest-host.js'), elsewhere);
    expect(result).toMatchObject({ ...LOADED, checked: false });
  }, 60_000);
});

describe('a bundled host whose plugins stay in node_modules', () => {
  it('accepts plugins built on the installed copy of PollsterBase, by its brand', async () => {
    const outfile = join(host, 'dist', 'scan-host.mjs');
    await esbuild({
      entryPoints: [join(host, 'scan-host.js')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'silent',
    });
    const result = run(outfile, host);
    expect(result).toMatchObject({ pollsters: LOADED.pollsters, failed: [] });
    // Two copies indeed: the plugins' PollsterBase is not the bundle's.
    expect(result.sameCopy).toEqual([false, false]);
    // Run where the package is installed, the bundle reads the installed fixture file.
    expect(result.fixture).toMatch(/^\d+ notifications$/);
  }, 60_000);
});
