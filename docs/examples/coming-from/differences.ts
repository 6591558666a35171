// The deliberate differences from pluggy and tapable, each shown.
import { IteratorManager, OrderCycleError } from '@plugin-patterns/iterator';
import { ExtensionSet, PluginCallError } from '@plugin-patterns/loader';

type Fn = (value?: number) => number | undefined;
type Lookup = () => Promise<number | undefined>;
const managerOf = (plugins: Record<string, Fn>) =>
  new IteratorManager(ExtensionSet.fromObjects<Fn>('demo.plugins', plugins));
const broken: Fn = () => {
  throw new Error('disk full');
};

// 1. A failure is contained by default: recorded, and the run goes on.
const contained = managerOf({ a: () => 1, broken, c: () => 3 }).map((fn) => fn());
console.log('1.', contained.values, contained.failures[0]?.message);
//    `raise` throws it, the plugin's own error wrapped in PluginCallError (`cause`).
try {
  managerOf({ broken }).map((fn) => fn(), { onError: 'raise' });
} catch (error) {
  if (error instanceof PluginCallError) console.log('  ', (error.cause as Error).message);
}

// 2. A pipeline step's undefined replaces the value (tapable keeps the old one).
const piped = managerOf({ double: (v = 0) => v * 2, forgets: () => undefined });
console.log(
  '2.',
  piped.pipeline<number | undefined, number | undefined>(21, (fn, v) => fn(v)).value,
);

// 3. parallel waits for every plugin. An early first answer, by recipe:
const later =
  (ms: number, value?: number): Lookup =>
  () =>
    new Promise((resolve) => setTimeout(() => resolve(value), ms));
const lookups = new IteratorManager(
  ExtensionSet.fromObjects<Lookup>('demo.lookups', {
    slow: later(30, 1),
    none: later(5),
    quick: later(10, 2),
  }),
);
const early = await new Promise<number | undefined>((resolve) => {
  const run = lookups.parallel(async (fn) => {
    const answer = await fn();
    if (answer !== undefined) resolve(answer); // the first defined answer, as it comes
    return answer;
  });
  void run.then(() => resolve(undefined)); // none answered
});
console.log('3.', early, '(the rest finish on their own)');

// 4. before/after hold over the whole set, and a contradiction is an error.
const contradicting = managerOf({
  a: Object.assign(() => 1, { order: { before: 'b' } }),
  b: Object.assign(() => 2, { order: { before: 'a' } }),
});
try {
  contradicting.names();
} catch (error) {
  if (error instanceof OrderCycleError) console.log('4.', error.cycle.join(' → '));
}
