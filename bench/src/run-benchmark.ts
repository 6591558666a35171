/**
 * Runs one benchmark in this process and prints its measurements as one line
 * of JSON; `main.ts` starts one of these per benchmark. A process per
 * benchmark keeps them from measuring each other: the optimiser's view of
 * shared code (the loader, say) and the heap one leaves behind would
 * otherwise be the next one's starting point.
 *
 *     node --conditions=@plugin-patterns/source bench/src/run-benchmark.ts <id> --installs <dir> [--quick]
 */
import { parseArgs } from 'node:util';
import { Installs } from './fixtures/installs.ts';
import { BENCHMARKS } from './suite.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, installs: { type: 'string' } },
});
const benchmark = BENCHMARKS.find((b) => b.id === positionals[0]);
if (benchmark === undefined) {
  throw new Error(
    `no benchmark "${positionals[0]}"; one of ${BENCHMARKS.map((b) => b.id).join(', ')}`,
  );
}
if (values.installs === undefined) throw new Error('--installs <dir> is required');

const measured = await benchmark.run({
  quick: values.quick,
  installs: new Installs(values.installs),
  log: (line) => process.stderr.write(`  ${line}\n`),
});
console.log(JSON.stringify(measured));
