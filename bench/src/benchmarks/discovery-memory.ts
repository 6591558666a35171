/**
 * Memory: discovering 1,000 plugins without loading them should add little to
 * the process. Each child imports the loader, collects garbage and reads its
 * RSS (the baseline), then discovers every plugin of the install into an
 * extension set and reads its peak RSS. The figure is the difference, as a
 * median over several children; the ratio puts it beside the whole process.
 *
 * The children run the built packages (bench/src/built/discovery-memory.js):
 * a process that strips types from the TypeScript sources has grown its heap
 * before discovery starts, which hides part of what discovery adds.
 */
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { installSize } from '../fixtures/installs.ts';
import { describeInstall } from '../fixtures/synthetic-install.ts';
import { requireBuild, runBuilt } from '../harness/built.ts';
import { median } from '../harness/stats.ts';

const MiB = 1024 * 1024;

interface ChildResult {
  readonly before: number;
  readonly peak: number;
  readonly added: number;
  /** RSS above `before` once garbage is collected after discovery. */
  readonly rssAfterGc: number;
  /** Live JavaScript heap above the start, after that collection. */
  readonly heapAfterGc: number;
  readonly plugins: number;
  readonly method: string;
}

const rows: RowSpec[] = [
  {
    id: 'discovery-peak-rss',
    label: 'peak RSS added by discovering 1,000 plugins',
    unit: 'MiB',
    baseline: 'RSS of the process after importing the loader',
    target: { on: 'value', max: 5, text: '≤5 MiB' },
    ifMissed:
      'most of the peak is not the result: after a full GC, the live heap is only a part of it ' +
      '(see the detail), but V8 grows its heap to hold the transient objects of the scan (1,000 ' +
      'parsed manifests, path strings) and keeps the pages',
  },
];

export const discoveryMemory: Benchmark = {
  id: 'discovery-memory',
  title: 'Memory of discovery',
  about:
    'Fresh child processes that run the built packages: the loader is imported and garbage collected, the RSS is read, the ' +
    'peak is reset (Linux: /proc/self/clear_refs), then one package scan builds the extension ' +
    'set of 1,000 plugins without loading any. The figure is the peak RSS minus the RSS before.',
  file: 'bench/src/benchmarks/discovery-memory.ts',
  rows,
  async run(context: RunContext) {
    requireBuild(['loader'], context.quick);
    const install = context.installs.of(installSize(context.quick, 1000));
    const runs: ChildResult[] = [];
    const count = context.quick ? 2 : 7;
    context.log(`discovery memory: ${count} children`);
    for (let i = 0; i < count; i++) {
      const result = runBuilt('discovery-memory.js', [install.cwd], ['--expose-gc'])
        .result as unknown as ChildResult;
      if (result.plugins !== install.plugins) {
        throw new Error(`discovered ${result.plugins} plugins, the install has ${install.plugins}`);
      }
      runs.push(result);
    }
    const added = median(runs.map((r) => r.added)) / MiB;
    const before = median(runs.map((r) => r.before)) / MiB;
    return {
      'discovery-peak-rss': {
        value: added,
        baseline: before,
        ratio: added / before,
        samples: runs.length,
        detail:
          `${describeInstall(install)}; peak read as ${runs[0]?.method}; ` +
          `after a GC, RSS +${mib(runs, 'rssAfterGc')} MiB, live heap +${mib(runs, 'heapAfterGc')} MiB`,
      },
    };
  },
};

/** The median of one field over the runs, in MiB, for the detail line. */
function mib(runs: readonly ChildResult[], field: 'rssAfterGc' | 'heapAfterGc'): string {
  return (median(runs.map((r) => r[field])) / MiB).toFixed(1);
}
