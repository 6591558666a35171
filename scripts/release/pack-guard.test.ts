import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { publicPackages, ROOT, run } from './consumer.ts';
import { type Manifest, packProblems, TEST_EXCLUSIONS } from './pack-guard.ts';

const execFileAsync = promisify(execFile);
const NPM = '/usr/lib/node_modules/npm/bin/npm-cli.js';
const PNPM = '/repo/node_modules/.pnpm/pnpm@10.34.8/node_modules/pnpm/bin/pnpm.cjs';
const scratch = mkdtempSync(join(tmpdir(), 'pack-guard-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A package folder with `manifest` and, when asked, a test helper in src/. */
function packageDir(name: string, manifest: Manifest, helper = false): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'src', 'index.ts'), 'export {};\n');
  if (helper) writeFileSync(join(dir, 'src', 'test-fakes.ts'), 'export {};\n');
  return dir;
}

const workspaceManifest: Manifest = {
  name: '@plugin-patterns/example',
  files: ['dist', 'src', ...TEST_EXCLUSIONS],
  dependencies: { '@plugin-patterns/loader': 'workspace:^', other: '^1.0.0' },
  exports: { '.': { '@plugin-patterns/source': './src/index.ts', default: './dist/index.js' } },
};

describe('packProblems', () => {
  it('refuses workspace ranges and the source condition under npm, naming each', () => {
    const dir = packageDir('npm', workspaceManifest);
    expect(packProblems(workspaceManifest, dir, NPM)).toEqual([
      'dependencies.@plugin-patterns/loader is "workspace:^", which only this workspace can resolve',
      'exports has the "@plugin-patterns/source" condition, which points at src/',
    ]);
  });

  it('lets pnpm pack them, since pnpm rewrites both', () => {
    const dir = packageDir('pnpm', workspaceManifest);
    expect(packProblems(workspaceManifest, dir, PNPM)).toEqual([]);
  });

  it('refuses, under any client, files that would ship test helpers', () => {
    const manifest = { ...workspaceManifest, files: ['dist', 'src', '!src/**/*.test.ts'] };
    const dir = packageDir('helpers', manifest, true);
    expect(packProblems(manifest, dir, PNPM)).toEqual([
      'files lacks "!src/**/test-*.ts", so tests or unexported test helpers would ship',
    ]);
  });
});

describe('the guard as prepack of the real packages', () => {
  it('stops npm pack of a workspace package, saying why and what to run instead', () => {
    const dir = join(ROOT, 'packages', 'patterns-driver');
    const packed = run('npm', ['pack', '--dry-run'], dir, {
      ...process.env,
      npm_config_update_notifier: 'false',
    });
    expect(packed.status).not.toBe(0);
    expect(packed.stderr).toContain(
      'pack-guard: @plugin-patterns/driver cannot be packed this way',
    );
    expect(packed.stderr).toContain('dependencies.@plugin-patterns/loader is "workspace:^"');
    expect(packed.stderr).toContain('Pack or publish with pnpm');
  });

  it("is every public package's prepack, and every one passes it under pnpm", () => {
    for (const { name, dir } of publicPackages()) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(manifest.scripts?.prepack, name).toBe('node ../../scripts/release/pack-guard.ts');
      expect(packProblems(manifest, dir, PNPM), name).toEqual([]);
    }
  });

  it('leaves no test or unexported test helper in any package (npm pack --dry-run)', async () => {
    // One npm per package, all at once: each spends most of its second starting up.
    const listings = await Promise.all(
      publicPackages().map(async ({ name, dir }) => {
        const args = ['pack', '--dry-run', '--json', '--ignore-scripts'];
        const { stdout } = await execFileAsync('npm', args, { cwd: dir });
        const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
        return { name, shipped: (pack?.files ?? []).map((file) => file.path) };
      }),
    );
    for (const { name, shipped } of listings) {
      expect(shipped.length, name).toBeGreaterThan(0);
      // Test helpers ship only under a testing/ folder, which a package exports on purpose.
      const helpers = shipped.filter(
        (path) =>
          /(^|\/)test-[^/]*$|\.test\.[jt]s$|test-fakes/.test(path) && !/(^|\/)testing\//.test(path),
      );
      expect(helpers, name).toEqual([]);
    }
  });
});
