import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import base from './vitest.config.ts';

// The vitest config `pnpm mutate` runs under: the repo's (the source condition,
// the time limit), limited to the packages whose files are mutated, so a
// mutant never waits on the docs, bench or release tests.

/**
 * Stryker runs the tests in a copy of the tree (its sandbox) whose
 * node_modules folders are links to the real tree's. A workspace package
 * imported by name would then resolve to the real tree, while a relative
 * import stays in the copy: two copies of one module (an `instanceof` fails)
 * and a mutant the test never sees. This sends such imports back into the
 * copy. Outside a sandbox both roots are the same folder and nothing changes.
 */
function workspacePackagesInSandbox(): Plugin {
  const root = process.cwd();
  // Where each package's links lead (a folder of the real tree) and its copy.
  const copies = new Map<string, string>();
  for (const name of readdirSync(join(root, 'packages'))) {
    const real = realpathSync(join(root, 'packages', name));
    if (real !== join(root, 'packages', name)) continue;
    const links = join(root, 'packages', name, 'node_modules', '@plugin-patterns');
    for (const linked of existsSync(links) ? readdirSync(links) : []) {
      const target = realpathSync(join(links, linked));
      const copy = join(root, 'packages', basename(target));
      if (target !== copy) copies.set(target + sep, copy + sep);
    }
  }
  return {
    name: 'workspace-packages-in-sandbox',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (copies.size === 0 || !source.startsWith('@plugin-patterns/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved === null) return null;
      for (const [target, copy] of copies) {
        if (resolved.id.startsWith(target)) {
          return { ...resolved, id: copy + resolved.id.slice(target.length) };
        }
      }
      return resolved;
    },
  };
}

export default defineConfig({
  ...base,
  plugins: [workspacePackagesInSandbox()],
  test: {
    ...base.test,
    setupFiles: ['stryker.vitest.setup.ts'],
    include: [
      'packages/loader/src/**/*.test.ts',
      'packages/loader/test/**/*.test.ts',
      'packages/patterns-driver/src/**/*.test.ts',
      'packages/patterns-dispatch/src/**/*.test.ts',
      'packages/patterns-iterator/src/**/*.test.ts',
    ],
    exclude: [
      ...(base.test?.exclude ?? []),
      // Runs the scan as an unprivileged user, who cannot enter Stryker's
      // private sandbox; a child process's coverage is not counted anyway.
      'packages/loader/test/file-system.test.ts',
      // The property tests over hostile manifests: hundreds of generated
      // trees on disk per run, re-run for every mutant of discovery; they
      // are `pnpm fuzz`'s, and the unit tests beside discovery must kill.
      'packages/loader/test/hostile-manifests.test.ts',
    ],
  },
});
