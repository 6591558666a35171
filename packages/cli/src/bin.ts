#!/usr/bin/env node
/**
 * The `plugin-patterns` executable. Everything is in `main`; this file only
 * picks the real process and the loader's package scan. The scan runs without
 * its cache: an inspection tool should report what is installed now, and
 * should not write into the project it inspects.
 *
 * The modules are imported here, not at the top, so that the loader's check
 * of the Node.js version (it throws UnsupportedNodeError on a Node.js older
 * than 22.18) becomes one line on stderr instead of a stack trace.
 */
const modules = await Promise.all([import('@plugin-patterns/loader'), import('./main.ts')]).catch(
  (error: unknown) => {
    if (!(error instanceof Error && error.name === 'UnsupportedNodeError')) throw error;
    process.stderr.write(`plugin-patterns: ${error.message}\n`);
    process.exit(1);
  },
);
const [{ packageScan }, { main }] = modules;

process.exitCode = await main(process.argv.slice(2), {
  scanProject: (root) => packageScan({ cwd: root, cache: false }),
});
