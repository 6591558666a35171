// What map compiles for a plan of two plugins. The plugins are constants the
// functions close over, each called from its own line, so V8 can inline each
// call. A promise from the first plugin goes on in the compiled async run
// (mapAsyncUnrolled); any other promise, and every throw, hands the run to the
// same code the loop hands it to. Only the count went into this text: the
// plugins are bound in as values.
import { IteratorManager, unrolledMapSource } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

console.log(unrolledMapSource(2));

// Containment is the loop's too, and a host that wants no generated code
// says so: the results are the same either way.
type Reading = () => number;
const readings = ExtensionSet.fromObjects<Reading>('host.readings', {
  load: () => 0.42,
  temperature: () => {
    throw new Error('sensor gone');
  },
  disk: () => 0.7,
});
const manager = new IteratorManager(readings);
const noCodegen = new IteratorManager(readings, { codeGeneration: false });
const runs = [
  ['run 1, the loop', manager],
  ['run 2, compiled', manager], // a plan compiles at its second run
  ['codeGeneration: false', noCodegen],
] as const;
for (const [label, host] of runs) {
  const { values, failures } = host.map((read) => read());
  console.log(`${label.padEnd(22)} ${values.join(', ')}; failed: ${failures[0]?.message}`);
}
