/**
 * The release, exercised end to end against a real registry (`pnpm test:release`,
 * part of `pnpm test` and CI):
 *
 * 1. `pnpm release` (build, publint, `changeset publish`) publishes every public
 *    package to a throwaway Verdaccio on loopback, and a third party publishes
 *    its plugin package there with npm.
 * 2. A fresh project installs them from that registry with npm, another with
 *    pnpm, another with Bun, and the page's host runs in each: it must find,
 *    load and call the third party's plugins and print what
 *    docs/use-it-outside-this-repository.md shows. The npm project also runs on
 *    Node.js 22.18 and on Deno, from the npm registry.
 * 3. On Node.js 22.18 importing the sample plugins prints no SQLite warning;
 *    on the machine's Node.js 20 the loader and the CLI say which Node.js they
 *    need.
 * 4. Bun finds listed packages (referenceList: Bun has no module.findPackageJSON)
 *    in its project, and runs the tour with memory storage (all three patterns).
 * 5. `pnpm audit` gives its verdict on the dependencies, when the registry answers.
 *
 * The registry is the one PLUGIN_PATTERNS_REGISTRY_URL and _TOKEN name (CI starts
 * it with scripts/registry/start.sh), or one this check starts and stops itself
 * (scripts/throwaway-server.ts). Bun, Deno and Node.js 22 come from the npm
 * registry at pinned versions.
 * Prints one line per check; exits 1 at the first failure, with its output.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayServer } from '../throwaway-server.ts';
import { auditVerdict } from './audit-verdict.ts';
import {
  expectedHostOutput,
  HOST_PACKAGES,
  mustRun,
  PLUGIN_DIR,
  PLUGIN_PACKAGE,
  publicPackages,
  ROOT,
  type Run,
  run,
  writeHostProject,
} from './consumer.ts';
import { olderNode } from './older-node.ts';
import {
  olderNodeIsTold,
  referenceListOnBun,
  sqliteWarnsOnlyWhenUsed,
  tourOnBun,
} from './runtime-checks.ts';

const VERSIONS = { bun: '1.4.5', deno: '2.9.6', node22: '22.18.0' };
const work = mkdtempSync(join(tmpdir(), 'plugin-patterns-release-'));
let passed = 0;

function check(what: string, body: () => string | undefined): void {
  const started = Date.now();
  const note = body();
  passed += 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`release-check: ok  ${what}${note ? `: ${note}` : ''} (${seconds} s)`);
}

function expectHost(result: Run, runtime: string): string {
  const expected = expectedHostOutput();
  if (result.status !== 0 || result.stdout !== expected) {
    throw new Error(
      `the host on ${runtime} printed:\n${result.stdout}\n${result.stderr}\nexpected (exit 0):\n${expected}`,
    );
  }
  return `${expected.trimEnd().split('\n').length} lines as the page shows`;
}

/** A quiet environment for the package managers: no update notice, no funding, no audit. */
const quiet = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

/** The executable of `pkg@version`'s `bin`, installed by `npm exec` into npm's cache. */
function fromNpm(spec: string, bin: string): string {
  const found = mustRun(
    'npm',
    [
      'exec',
      '--yes',
      '--loglevel=error',
      `--package=${spec}`,
      '--',
      'sh',
      '-c',
      `command -v ${bin}`,
    ],
    work,
    quiet,
  );
  return found.stdout.trim();
}

async function main(): Promise<void> {
  const registry = await throwawayServer('registry', { env: quiet });
  try {
    releaseTo(registry.url, registry.values.PLUGIN_PATTERNS_REGISTRY_TOKEN ?? '');
  } finally {
    await registry.stop();
  }
}

function releaseTo(url: string, token: string): void {
  const host = new URL(url).host;
  // Publishing: this registry and its token, in a user config of its own.
  const npmrc = join(work, 'publish.npmrc');
  writeFileSync(npmrc, `registry=${url}\n//${host}/:_authToken=${token}\n`);
  const publishing = { ...quiet, npm_config_userconfig: npmrc, npm_config_registry: url };
  const packages = publicPackages();

  check('pnpm release publishes every public package', () => {
    // --no-git-tag: a check must not leave tags in the repository it runs in.
    mustRun('pnpm', ['release', '--no-git-tag'], ROOT, publishing);
    const missing = packages.filter(({ name, dir }) => {
      const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
      const seen = run('npm', ['view', `${name}@${version}`, 'version'], work, publishing);
      return seen.stdout.trim() !== version;
    });
    if (missing.length > 0) throw new Error(`not on the registry: ${missing.map((p) => p.name)}`);
    return `${packages.length} packages on ${url}`;
  });

  check('a third party publishes its plugin package with npm', () => {
    const copy = join(work, 'greeters');
    cpSync(PLUGIN_DIR, copy, { recursive: true });
    const version = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).version;
    const there = run('npm', ['view', `${PLUGIN_PACKAGE}@${version}`, 'version'], work, publishing);
    if (there.stdout.trim() === version) return `${PLUGIN_PACKAGE}@${version} (already there)`;
    mustRun('npm', ['publish'], copy, publishing);
    return `${PLUGIN_PACKAGE}@${version}`;
  });

  // Installing: the project's own .npmrc sends the two scopes to this registry,
  // everything else (the loader's dependency) to the public one, as a company's
  // private registry is used.
  const versionOf = (name: string) =>
    JSON.parse(readFileSync(join(ROOT, 'packages', folderOf(name), 'package.json'), 'utf8'))
      .version as string;
  const scoped = `@plugin-patterns:registry=${url}\n@example:registry=${url}\n`;
  const project = (client: string, extra: string[] = []): string => {
    const dir = join(work, `host-${client}`);
    mkdirSync(dir);
    const deps = Object.fromEntries([...HOST_PACKAGES, ...extra].map((n) => [n, versionOf(n)]));
    writeHostProject(dir, { ...deps, [PLUGIN_PACKAGE]: '1.0.0' });
    writeFileSync(join(dir, '.npmrc'), scoped);
    return dir;
  };
  const extras = [
    '@plugin-patterns/cli',
    '@plugin-patterns/sample-plugins',
    '@plugin-patterns/meter-contracts',
  ];

  const npmProject = project('npm', extras);
  check('npm installs from the registry; the host runs on Node.js 24', () => {
    mustRun('npm', ['install'], npmProject, quiet);
    return expectHost(run(process.execPath, ['host.ts'], npmProject), 'Node.js 24');
  });

  const pnpmProject = project('pnpm');
  check('pnpm installs from the registry; the host runs', () => {
    mustRun('pnpm', ['install'], pnpmProject, quiet);
    return expectHost(run(process.execPath, ['host.ts'], pnpmProject), 'Node.js 24 (pnpm layout)');
  });

  const bun = fromNpm(`bun@${VERSIONS.bun}`, 'bun');
  const bunProject = project('bun');
  check(`bun ${VERSIONS.bun} installs from the registry; the host runs on Bun`, () => {
    mustRun(bun, ['install'], bunProject, quiet);
    return expectHost(run(bun, ['host.ts'], bunProject), 'Bun');
  });

  check(`Bun ${VERSIONS.bun} finds listed packages (referenceList) in that project`, () =>
    referenceListOnBun(bun, bunProject),
  );

  check(`Bun ${VERSIONS.bun} runs the tour with memory storage`, () => tourOnBun(bun));

  const node22 = fromNpm(`node@${VERSIONS.node22}`, 'node');
  check(`the host runs on Node.js ${VERSIONS.node22}`, () =>
    expectHost(run(node22, ['host.ts'], npmProject), `Node.js ${VERSIONS.node22}`),
  );

  check(`importing the sample plugins on Node.js ${VERSIONS.node22} prints no SQLite warning`, () =>
    sqliteWarnsOnlyWhenUsed(node22, npmProject),
  );

  const deno = fromNpm(`deno@${VERSIONS.deno}`, 'deno');
  check(`the host runs on Deno ${VERSIONS.deno} (npm's node_modules)`, () =>
    expectHost(run(deno, ['run', '--allow-all', 'host.ts'], npmProject, quiet), 'Deno'),
  );

  const old = olderNode();
  check(`Node.js ${old.version} (the machine's own) is told which Node.js to use`, () =>
    olderNodeIsTold(old, npmProject),
  );

  check('pnpm audit gives its verdict on the dependencies', () => auditVerdict(ROOT, quiet));
}

function folderOf(name: string): string {
  const found = publicPackages().find((p) => p.name === name);
  if (found === undefined) throw new Error(`${name} is not a package of this repository`);
  return found.dir.slice(join(ROOT, 'packages').length + 1);
}

try {
  await main();
  console.log(`release-check: ${passed} checks passed`);
  rmSync(work, { recursive: true, force: true });
} catch (error) {
  console.error(`release-check: FAILED after ${passed} checks\n${(error as Error).message}`);
  console.error(`release-check: its files are kept in ${work}`);
  process.exitCode = 1;
}
