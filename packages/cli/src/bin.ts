#!/usr/bin/env node
/**
 * The `plugin-patterns` executable. Everything is in `main`; this file only
 * picks the real process and the loader's package scan. The scan runs without
 * its cache: an inspection tool should report what is installed now, and
 * should not write into the project it inspects.
 */
import { packageScan } from '@plugin-patterns/loader';
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), {
  scanProject: (root) => packageScan({ cwd: root, cache: false }),
});
