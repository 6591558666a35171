// Mutation testing (`pnpm mutate`): Stryker plants small bugs (mutants) in the
// files that decide what is found, refused, enabled and how a call is guarded,
// and checks that some test fails for each. Survivors are either killed by a
// new test or listed, with the reason, in stryker-equivalent-mutants.md.
//
// Not part of `pnpm test` or CI: it runs the tests once per mutant and takes
// minutes. See CONTRIBUTING.md.

import { fileURLToPath } from 'node:url';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Named by path: under pnpm, Stryker's own search (next to @stryker-mutator/core)
  // does not see the runner.
  plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner'))],
  testRunner: 'vitest',
  vitest: {
    // Its own config: the repo's, limited to the tests of the mutated packages.
    configFile: 'stryker.vitest.config.ts',
    // Only the tests whose imports reach the mutated file run for a mutant.
    related: true,
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would need every test re-run.
  ignoreStatic: true,
  concurrency: 2,
  mutate: [
    // Discovery: the approaches and their reference handling.
    'packages/loader/src/discovery/*.ts',
    '!packages/loader/src/discovery/*.test.ts',
    '!packages/loader/src/discovery/index.ts',
    '!packages/loader/src/discovery/manifest-writer.ts',
    '!packages/loader/src/discovery/entry-point.ts',
    // References: parsing and containment, and the characters the parser refuses and messages escape.
    'packages/loader/src/shared/reference.ts',
    'packages/loader/src/shared/unsafe-text.ts',
    'packages/loader/src/shared/resolve.ts',
    // Enabling: the policies.
    'packages/loader/src/enabling/*.ts',
    '!packages/loader/src/enabling/*.test.ts',
    '!packages/loader/src/enabling/index.ts',
    // Invocation: the guard around a plugin's call and how a result settles.
    'packages/loader/src/invocation/guard.ts',
    'packages/loader/src/invocation/settle.ts',
    // Each pattern's core.
    'packages/patterns-driver/src/driver-manager.ts',
    'packages/patterns-driver/src/choose-driver.ts',
    'packages/patterns-dispatch/src/dispatcher.ts',
    'packages/patterns-dispatch/src/routing-table.ts',
    'packages/patterns-iterator/src/map.ts',
    'packages/patterns-iterator/src/first.ts',
    'packages/patterns-iterator/src/pipeline.ts',
    'packages/patterns-iterator/src/parallel.ts',
  ],
  // The sandbox needs only the packages (the tests' fixtures live there).
  ignorePatterns: ['/docs', '/bench', '/scripts', '.cache', 'dist', '.turbo', '*.db*'],
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.cache/mutation/index.html' },
  jsonReporter: { fileName: '.cache/mutation/mutation.json' },
  tempDirName: '.cache/stryker-tmp',
  // Stryker rewrites the tsconfig it copies with TypeScript's JavaScript API,
  // which TypeScript 7 no longer has; the tests do not need it (Vite strips
  // types itself), so point it at no file.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  timeoutMS: 10000,
};
