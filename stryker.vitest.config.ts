import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The vitest config `pnpm mutate` runs under: the repo's (the source condition,
// the time limit), limited to the packages whose files are mutated, so a
// mutant never waits on the docs, bench or release tests.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
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
    ],
  },
});
