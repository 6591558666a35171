/**
 * The promise of use-it-outside-this-repository.md, kept by doing what it says
 * in a temp folder with npm: pack the packages, install the tarballs into a
 * fresh project with a plugin package of its own, run the page's host, and
 * compare what it prints with the page. Then the other way the page offers:
 * copy the unpacked package folders into the project and install those.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectedHostOutput,
  HOST_PACKAGES,
  mustRun,
  PAGE,
  PLUGIN_DIR,
  PLUGIN_PACKAGE,
  packPlugin,
  packWorkspace,
  ROOT,
  run,
  writeHostProject,
} from '../scripts/release/consumer.ts';

const work = mkdtempSync(join(tmpdir(), 'plugin-patterns-outside-'));
const tarballs = new Map<string, string>();
// npm on the fresh machine's Node 20 would warn about the packages' engines: run it on this Node.
const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };

beforeAll(() => {
  const filters = HOST_PACKAGES.map((name) => `--filter=${name}`);
  mustRun('pnpm', ['turbo', 'run', 'build', '--output-logs=errors-only', ...filters], ROOT);
  const dest = join(work, 'tarballs');
  mkdirSync(dest);
  for (const [name, file] of packWorkspace(dest, HOST_PACKAGES)) tarballs.set(name, file);
  tarballs.set(PLUGIN_PACKAGE, packPlugin(dest));
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the page', () => {
  it("shows the plugin package's package.json as it is", () => {
    const manifest = readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8').trimEnd();
    expect(readFileSync(PAGE, 'utf8')).toContain(`\n\`\`\`json\n${manifest}\n\`\`\`\n`);
  });
});

describe('the packed packages', () => {
  it('hold no workspace ranges and no source condition in their manifests', () => {
    for (const [name, file] of tarballs) {
      const manifest = mustRun('tar', ['-xzOf', file, 'package/package.json'], work).stdout;
      expect(manifest, name).not.toContain('workspace:');
      expect(manifest, name).not.toContain('@plugin-patterns/source');
    }
  });
});

describe('a fresh project outside the repository, with npm', () => {
  it('installs the tarballs and runs the host, which finds, loads and calls its plugin', () => {
    const project = join(work, 'from-tarballs');
    mkdirSync(project);
    const wanted = [...HOST_PACKAGES, PLUGIN_PACKAGE];
    writeHostProject(
      project,
      Object.fromEntries(wanted.map((name) => [name, `file:${tarballs.get(name)}`])),
    );
    // The loader's own dependency comes from the registry; the tarballs depend on each other by version.
    mustRun('npm', ['install', '--no-audit'], project, env);
    const host = run(process.execPath, ['host.ts'], project);
    expect(host.stderr).toBe('');
    expect(host.stdout).toBe(expectedHostOutput());
  }, 180_000);

  it('installs copied package folders (unpacked tarballs) the same way', () => {
    const project = join(work, 'from-folders');
    const vendor = join(project, 'vendor');
    mkdirSync(vendor, { recursive: true });
    const wanted = [...HOST_PACKAGES, PLUGIN_PACKAGE];
    const folders: Record<string, string> = {};
    for (const name of wanted) {
      const folder = join(vendor, name.replace('@', '').replace('/', '-'));
      mkdirSync(folder);
      mustRun(
        'tar',
        ['-xzf', tarballs.get(name) ?? '', '-C', folder, '--strip-components=1'],
        work,
      );
      folders[name] = `file:./vendor/${name.replace('@', '').replace('/', '-')}`;
    }
    writeHostProject(project, folders);
    mustRun('npm', ['install', '--no-audit'], project, env);
    const host = run(process.execPath, ['host.ts'], project);
    expect(host.stderr).toBe('');
    expect(host.stdout).toBe(expectedHostOutput());
    // The copies are what runs: npm installed them, it did not fetch the packages.
    const lock = readFileSync(join(project, 'package-lock.json'), 'utf8');
    expect(lock).toContain('vendor/plugin-patterns-loader');
  }, 180_000);
});
