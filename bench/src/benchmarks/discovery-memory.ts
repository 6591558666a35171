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
 *
 * A context row runs the same children with V8's optimising compilers off
 * (`--no-opt --no-maglev`), alternating with the default ones. The scan's
 * loops run a thousand times, so V8 optimises them on its background threads;
 * the memory those compilers take stays in the process after they free it
 * (the allocator keeps it), and whether they run during the scan varies from
 * child to child. The difference between the rows is that memory, not
 * discovery's data.
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
      "parsed manifests, path strings) and keeps the pages; and V8 optimises the scan's hot " +
      'functions on background threads, whose memory stays resident once freed: the next row ' +
      'runs the same children with the optimising compilers off, and the gap between the two ' +
      'rows is that memory',
  },
  {
    id: 'discovery-peak-rss-interpreted',
    label: "the same, with V8's optimising compilers off",
    unit: 'MiB',
    baseline: 'RSS of the process after importing the loader',
    target: undefined,
  },
];

/** Node flags of the context row: no Maglev, no TurboFan; the interpreter and Sparkplug only. */
const NO_OPTIMISING_COMPILERS = ['--no-opt', '--no-maglev'];

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
    const interpreted: ChildResult[] = [];
    const count = context.quick ? 2 : 7;
    context.log(`discovery memory: ${count} children each way`);
    const child = (flags: readonly string[]): ChildResult => {
      const result = runBuilt('discovery-memory.js', [install.cwd], ['--expose-gc', ...flags])
        .result as unknown as ChildResult;
      if (result.plugins !== install.plugins) {
        throw new Error(`discovered ${result.plugins} plugins, the install has ${install.plugins}`);
      }
      return result;
    };
    // Alternating, so that whatever else the machine does weighs on both rows alike.
    for (let i = 0; i < count; i++) {
      runs.push(child([]));
      interpreted.push(child(NO_OPTIMISING_COMPILERS));
    }
    return {
      'discovery-peak-rss': measured(runs, describeInstall(install)),
      'discovery-peak-rss-interpreted': measured(
        interpreted,
        `node ${NO_OPTIMISING_COMPILERS.join(' ')}; the default children ranged ` +
          `${range(runs)} MiB`,
      ),
    };
  },
};

function measured(runs: readonly ChildResult[], about: string) {
  const added = median(runs.map((r) => r.added)) / MiB;
  const before = median(runs.map((r) => r.before)) / MiB;
  return {
    value: added,
    baseline: before,
    ratio: added / before,
    samples: runs.length,
    detail:
      `${about}; peak read as ${runs[0]?.method}; ` +
      `after a GC, RSS +${mib(runs, 'rssAfterGc')} MiB, live heap +${mib(runs, 'heapAfterGc')} MiB`,
  };
}

/** The lowest and highest peak added, in MiB: `5.5-10.6`. */
function range(runs: readonly ChildResult[]): string {
  const added = runs.map((r) => r.added / MiB);
  return `${Math.min(...added).toFixed(1)}-${Math.max(...added).toFixed(1)}`;
}

/** The median of one field over the runs, in MiB, for the detail line. */
function mib(runs: readonly ChildResult[], field: 'rssAfterGc' | 'heapAfterGc'): string {
  return (median(runs.map((r) => r[field])) / MiB).toFixed(1);
}
