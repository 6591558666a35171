// What the compiled map writes for two plugins, and that it answers as the
// plain map does. Only two integers go into the text (how many plugins, and
// the function's number); the plugins and the host's callback are handed to
// the function as values.
import { IteratorManager } from '@plugin-patterns/iterator';
import { CompiledIteratorManager, compiledMapSource } from '@plugin-patterns/iterator/compiled';
import { ExtensionSet } from '@plugin-patterns/loader';

console.log(compiledMapSource(2, 1));

// Containment is the plain map's too: the same answers, the same failure.
type Reading = () => number;
const readings = ExtensionSet.fromObjects<Reading>('host.readings', {
  load: () => 0.42,
  temperature: () => {
    throw new Error('sensor gone');
  },
  disk: () => 0.7,
});
const read = (reading: Reading) => reading();
const plain = new IteratorManager(readings);
const compiled = new CompiledIteratorManager(readings);
const readAll = compiled.compile(read); // compile once, call for every run

for (const [label, run] of [
  ['plain map', () => plain.map(read)],
  ['compiled', () => readAll()],
] as const) {
  const { values, failures } = run();
  console.log(`${label.padEnd(10)} ${values.join(', ')}; failed: ${failures[0]?.message}`);
}
