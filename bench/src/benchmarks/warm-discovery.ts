/**
 * Warm discovery: the same package scan, answered from its cache file. Each
 * iteration builds a new source, so nothing is served from memory: the cache
 * file is read, parsed and shape-checked, its fingerprint is checked against
 * the file system (one stat per stamped path: the lockfile, the host's
 * package.json, node_modules and each scope folder), and every declaration is
 * checked again (its name and reference, as a scan checks them) before it
 * becomes an entry point.
 *
 * The baseline is the floor of any cache: readFileSync + JSON.parse of the
 * same cache file, with no check at all. The targets are absolute, because
 * warm start-up is what a user waits for on every run of the host.
 */
import { readFileSync } from 'node:fs';
import { packageScan } from '@plugin-patterns/loader';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { installSize } from '../fixtures/installs.ts';
import { describeInstall } from '../fixtures/synthetic-install.ts';
import { compare } from '../harness/measure.ts';

const SIZES = [
  { size: 1000, max: 2 },
  { size: 5000, max: 5 },
] as const;

/** Found by CPU profiles of the benchmark process at 5,000 packages. */
const WHY_SLOW =
  'reading and parsing the cache file (about 170 KB at 5,000 packages), the baseline itself, ' +
  'is about half of the time; checking each plugin again (its name and reference, as a scan ' +
  'does) and making its entry point is most of the rest, with the garbage collection of those ' +
  'records in a loop like this one. The figure follows the baseline: a miss means a machine ' +
  'busy enough to make a JSON.parse of the file take about twice its usual time';

const rows: RowSpec[] = SIZES.map(({ size, max }) => ({
  id: `warm-scan-${size}`,
  label: `package scan from its cache, ${size.toLocaleString('en-US')} packages`,
  unit: 'ms',
  baseline: 'readFileSync + JSON.parse of the cache file',
  target: { on: 'value', max, text: `≤${max} ms` },
  ifMissed: WHY_SLOW,
}));

export const warmDiscovery: Benchmark = {
  id: 'warm-discovery',
  title: 'Warm discovery (package scan, from the cache)',
  about:
    'A new package-scan source per iteration, with the cache on and already written: every ' +
    'iteration reads the cache file and checks that it still holds (the fingerprint) before ' +
    'using it. The baseline reads and parses the same cache file without any check.',
  file: 'bench/src/benchmarks/warm-discovery.ts',
  rows,
  async run(context: RunContext) {
    const results: Record<string, Measured> = {};
    for (const { size } of SIZES) {
      const install = context.installs.of(installSize(context.quick, size));
      context.log(`warm discovery: ${install.packages} packages`);
      const cache = { dir: context.installs.folder(`cache-${install.packages}`) };
      const first = packageScan({ cwd: install.cwd, cache });
      first.discover();
      const cacheFile = first.lastScan?.cacheFile;
      if (cacheFile === undefined) throw new Error('the scan wrote no cache file');

      const fromCache = (iterations: number): number => {
        let found = 0;
        for (let i = 0; i < iterations; i++) {
          const source = packageScan({ cwd: install.cwd, cache });
          found += source.discover().entryPoints.length;
          // A miss would time a cold scan under a warm label: refuse to report it.
          if (source.lastScan?.fromCache !== true) {
            throw new Error(`the cache was not used: ${source.lastScan?.cacheNote}`);
          }
        }
        return found;
      };
      const readCacheFile = (iterations: number): number => {
        let found = 0;
        for (let i = 0; i < iterations; i++) {
          found += JSON.parse(readFileSync(cacheFile, 'utf8')).packages.length;
        }
        return found;
      };
      const result = compare(readCacheFile, fromCache, {
        rounds: context.quick ? 3 : 21,
        batchMs: context.quick ? 2 : 20,
      });
      results[`warm-scan-${size}`] = {
        value: result.candidateNs / 1e6,
        baseline: result.baselineNs / 1e6,
        ratio: result.ratio,
        samples: result.rounds,
        detail: describeInstall(install),
      };
    }
    return results;
  },
};
