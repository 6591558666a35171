import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources directly: the custom export condition makes
// every workspace package resolve to its `src/` instead of its built `dist/`.
export default defineConfig({
  resolve: { conditions: ['@plugin-patterns/source'] },
  ssr: { resolve: { conditions: ['@plugin-patterns/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'docs/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // .cache/ holds tool caches and scratch copies of the tree, never this project's tests.
    exclude: ['**/node_modules/**', '**/dist/**', '**/.cache/**'],
    env: { NODE_OPTIONS: '--conditions=@plugin-patterns/source' },
    testTimeout: 20_000,
  },
});
