/**
 * The rows of the startup benchmark (startup.ts): what each process is held
 * to, and the causes found for a miss. Every row compares a whole process
 * against the process that imports the same plugin modules directly.
 */
import type { RowSpec } from '../benchmark.ts';

const DIRECT_DRIVER = "a process that imports the driver's module by file URL and calls it";
const DIRECT_ITERATOR = 'a process that imports the 10 pollster modules by file URL and polls each';

type Job = 'driver' | 'iterator';

/** The start of every row's label: the job. */
function started(job: Job): string {
  const what =
    job === 'driver' ? 'one driver of 1,000 plugins' : '10 pollsters among 1,000 packages';
  return `process start to first call, ${what}`;
}

function row(job: Job, way: string, max: number, ifMissed: string): RowSpec {
  return {
    id: `startup-${job}-${way}`,
    label: `${started(job)}: ${LABELS[way]}`,
    unit: 'ms',
    baseline: job === 'driver' ? DIRECT_DRIVER : DIRECT_ITERATOR,
    target: { on: 'ratio', max, text: `≤${max}x` },
    ifMissed,
  };
}

const LABELS: Record<string, string> = {
  warm: 'package scan, warm cache',
  cold: 'package scan, no cache',
  manifest: 'static manifest',
  bundled: 'static manifest, host bundled',
};

// The instruction counts below were taken by hand, once (callgrind is far too
// slow to run in the bench): for each host,
//   valgrind --tool=callgrind --callgrind-out-file=OUT node bench/src/built/<host> <args>
// then callgrind_annotate --inclusive=no OUT, with V8's functions grouped by
// what they do (Parser/PreParser, the bytecode and baseline compilers, the
// interpreter's handlers and builtins, the heap). Redo them when the loader's
// size or its load path changes much.
const MODULES =
  'The packages are built as bundles (scripts/build-package.ts), so the host loads a handful of ' +
  "modules (the detail counts them against the baseline's 2 or 11; one per source file, 75 for " +
  'the driver by a scan, before the bundling). What the host pays over the baseline is V8 ' +
  "reading the loader's code: counted with callgrind (instructions, every thread; the driver " +
  'host, one process each), the baseline runs 103M instructions and the manifest host 219M, ' +
  "the warm-cache host 207M. Of the manifest host's extra 115M, parsing JavaScript is 31M and " +
  "compiling it 29M (the loader's bundle, about 160 KB, is parsed whole; each function that " +
  'runs is parsed again and compiled when first called), running it 21M, garbage collection ' +
  "9M, V8's bookkeeping (strings, objects) 17M and 8M spread over the rest; of the warm " +
  "host's extra 104M, 25M, 20M, 26M, 8M, 17M and 8M. Importing the bundle alone, doing " +
  'nothing, costs 41M over an ' +
  'empty process of 88M. The bundled rows below show the same host as one module. The detail ' +
  'ends with the floor of the way (its context row below: the same job, the plugins found by ' +
  'hand that way, with no loader) and says whether the target is within reach of a loader ' +
  'that reads the same files';

const BUNDLED =
  'both processes are one esbuild bundle each (each plugin a chunk of its own); what is left ' +
  "over the baseline is the host's own code: parsing the manifest's table of 1,000 plugins " +
  'and compiling the loader code that runs (the detail splits it before and after the first ' +
  "line, and ends with the floor: the same bundle's table looked up by hand, with no loader)";

function bundledBaseline(job: Job): string {
  const direct =
    job === 'driver' ? 'the direct import of the driver' : 'the direct imports of the 10 pollsters';
  return `${direct}, bundled the same way`;
}

function bundledRow(job: Job): RowSpec {
  return {
    id: `startup-${job}-bundled-manifest`,
    label: `${started(job)}: ${LABELS.bundled}`,
    unit: 'ms',
    baseline: bundledBaseline(job),
    target: { on: 'ratio', max: 1.05, text: '≤1.05x' },
    ifMissed: BUNDLED,
  };
}

export const rows: RowSpec[] = [
  row('driver', 'warm', 1.15, MODULES),
  row(
    'driver',
    'cold',
    1.5,
    `${MODULES}; a cold scan also reads and parses 1,000 package.json files`,
  ),
  row('driver', 'manifest', 1.05, MODULES),
  row('iterator', 'warm', 1.15, MODULES),
  row(
    'iterator',
    'cold',
    1.5,
    `${MODULES}; a cold scan also reads and parses 1,000 package.json files`,
  ),
  row('iterator', 'manifest', 1.05, MODULES),
  bundledRow('driver'),
  bundledRow('iterator'),
  ...(['driver', 'iterator'] as const).flatMap((job) =>
    (['warm', 'cold', 'manifest', 'bundled'] as const).map((way) => floorRow(job, way)),
  ),
];

/**
 * The floor of a way (built/floor.js): the same job done by hand, with no
 * loader, finding its plugins that way. A context row: it says which targets
 * a loader reading the same files could meet, in numbers.
 */
function floorRow(job: Job, way: string): RowSpec {
  return {
    id: `startup-${job}-floor-${way}`,
    label: `${started(job)}: the floor of "${LABELS[way]}", no loader`,
    unit: 'ms',
    baseline:
      way === 'bundled' ? bundledBaseline(job) : job === 'driver' ? DIRECT_DRIVER : DIRECT_ITERATOR,
    target: undefined,
  };
}
