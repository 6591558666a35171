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
 *
 * In the usual synthetic install every declaring package has the same two
 * references, which the cache file writes once: a real install's are all
 * different. The context row without a target measures that case, on an
 * install whose references are all distinct, so the targeted rows cannot
 * flatter the cache unnoticed.
 */
import { readFileSync } from 'node:fs';
import { packageScan } from '@plugin-patterns/loader';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { installSize } from '../fixtures/installs.ts';
import { describeInstall, type SyntheticInstall } from '../fixtures/synthetic-install.ts';
import { compare } from '../harness/measure.ts';

const SIZES = [
  { size: 1000, max: 2 },
  { size: 5000, max: 5 },
] as const;

/** Found by CPU profiles of the benchmark process at 5,000 packages. */
const WHY_SLOW =
  'reading and parsing the cache file (about 180 KB at 5,000 packages), the baseline itself, ' +
  'is about half of the time; checking each plugin again (its name and reference, as a scan ' +
  'does) and making its entry point is most of the rest, with the garbage collection of those ' +
  'records in a loop like this one. The figure follows the baseline: a miss means a machine ' +
  'busy enough to make a JSON.parse of the file take about twice its usual time';

/** The context row: as large as the largest targeted one, with no reference shared. */
const DISTINCT_SIZE = 5000;
const DISTINCT_ID = `warm-scan-${DISTINCT_SIZE}-distinct`;
const BASELINE = 'readFileSync + JSON.parse of the cache file';

const rows: RowSpec[] = [
  ...SIZES.map(
    ({ size, max }): RowSpec => ({
      id: `warm-scan-${size}`,
      label: `package scan from its cache, ${size.toLocaleString('en-US')} packages`,
      unit: 'ms',
      baseline: BASELINE,
      target: { on: 'value', max, text: `≤${max} ms` },
      ifMissed: WHY_SLOW,
    }),
  ),
  {
    id: DISTINCT_ID,
    label: `the same, ${DISTINCT_SIZE.toLocaleString('en-US')} packages, every reference distinct`,
    unit: 'ms',
    baseline: BASELINE,
    target: undefined,
  },
];

export const warmDiscovery: Benchmark = {
  id: 'warm-discovery',
  title: 'Warm discovery (package scan, from the cache)',
  about:
    'A new package-scan source per iteration, with the cache on and already written: every ' +
    'iteration reads the cache file and checks that it still holds (the fingerprint) before ' +
    'using it. The baseline reads and parses the same cache file without any check. In the ' +
    'targeted rows every declaring package has the same two references, which the file writes ' +
    'once; the context row gives each plugin a reference of its own, as a real install does ' +
    '(the file is then about 1.8 times as large, and each reference is checked on its own).',
  file: 'bench/src/benchmarks/warm-discovery.ts',
  rows,
  async run(context: RunContext) {
    const results: Record<string, Measured> = {};
    for (const { size } of SIZES) {
      const install = context.installs.of(installSize(context.quick, size));
      results[`warm-scan-${size}`] = measureWarmScan(context, install, `cache-${install.packages}`);
    }
    const distinct = context.installs.of(installSize(context.quick, DISTINCT_SIZE), {
      distinctReferences: true,
    });
    results[DISTINCT_ID] = measureWarmScan(
      context,
      distinct,
      `cache-${distinct.packages}-distinct`,
    );
    return results;
  },
};

/** Writes the cache of `install` once, then times scans served from it against reading it. */
function measureWarmScan(
  context: RunContext,
  install: SyntheticInstall,
  cacheFolder: string,
): Measured {
  context.log(`warm discovery: ${describeInstall(install)}`);
  const cache = { dir: context.installs.folder(cacheFolder) };
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
  return {
    value: result.candidateNs / 1e6,
    baseline: result.baselineNs / 1e6,
    ratio: result.ratio,
    samples: result.rounds,
    detail: describeInstall(install),
  };
}
