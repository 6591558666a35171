// Call order: discovery order by default; a host's names list; and
// constraints, declared by a plugin (an `order` property, here static on the
// class) or given by the host. The sort is stable: a constraint moves only
// the plugins it names.
import {
  IteratorManager,
  type IteratorOptions,
  OrderCycleError,
  type OrderSpec,
} from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

// Publishers, each passing a sample on to the next one (a pipeline).
class Publisher {
  handle(sample: string): string {
    return `${sample} → ${this.constructor.name}`;
  }
}
class Normalise extends Publisher {
  static order: OrderSpec = { position: 'first' };
}
class Enrich extends Publisher {
  static order: OrderSpec = { after: 'normalise' };
}
class Audit extends Publisher {
  static order: OrderSpec = { before: 'store' };
}
class Store extends Publisher {
  static order: OrderSpec = { position: 'last' };
}
class Count extends Publisher {}

// In discovery order, the way the packages happened to be installed.
const found = (): [string, Publisher][] => [
  ['store', new Store()],
  ['count', new Count()],
  ['audit', new Audit()],
  ['enrich', new Enrich()],
  ['normalise', new Normalise()],
];
const publishers = (options: IteratorOptions = {}) =>
  new IteratorManager(ExtensionSet.fromObjects('meter.publisher', found()), options);

console.log(`discovery:  ${publishers({ declared: false }).names().join(', ')}`);
console.log(`declared:   ${publishers().names().join(', ')}`);
const run = publishers().pipeline('sample', (publisher, sample) => publisher.handle(sample));
console.log(`            ${run.value}`);

// A names list ranks the plugins that the constraints leave free.
const listed = publishers({ names: ['enrich', 'count'] });
console.log(`names list: ${listed.names().join(', ')}`);

// The host's constraints replace a plugin's own; a name that matches no
// plugin is reported, with the closest name, and ignored.
const host = publishers({ constraints: { count: { after: ['store', 'enrihc'] } } });
console.log(`host:       ${host.names().join(', ')}`);
for (const problem of host.orderProblems) {
  console.log(`  ignored: ${problem.plugin}: ${problem.message}`);
}

// Constraints that cannot all hold are an error naming the cycle.
try {
  publishers({ constraints: { store: { before: 'audit' } } }).names();
} catch (error) {
  if (error instanceof OrderCycleError) console.log(`cycle:      ${error.cycle.join(' → ')}`);
}
