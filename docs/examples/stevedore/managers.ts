// stevedore's managers, each written the way this project writes it. The
// plugins are objects handed in, as make_test_instance would build a manager,
// so the program needs no installed package; a host would discover them with
// ExtensionSet.discover({ namespace, sources: [packageScan()] }) instead.
import { Dispatcher } from '@plugin-patterns/dispatch';
import { DriverManager } from '@plugin-patterns/driver';
import { HookManager, IteratorManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

type Formatter = (text: string) => string;
// make_test_instance([...]): a set built from objects, already loaded.
const formatters = ExtensionSet.fromObjects<Formatter>('example.formatter', [
  ['upper', (text) => text.toUpperCase()],
  ['reverse', (text) => [...text].reverse().join('')],
  ['exclaim', (text) => `${text}!`],
  ['exclaim', (text) => `${text}?!`],
]);

// ExtensionManager(...).map(func): every plugin, in turn.
const every = new IteratorManager(formatters).map((format) => format('hook'));
console.log(`ExtensionManager.map           ${every.values.join(' | ')}`);

// HookManager(namespace, name): every plugin registered under one name.
const hook = new HookManager(formatters, 'exclaim').map((format) => format('hook'));
console.log(`HookManager('exclaim')         ${hook.values.join(' | ')}`);

// NameDispatchExtensionManager.map(names, func): the plugins named, per call.
const dispatcher = new Dispatcher(formatters);
const named = dispatcher.byName(['reverse', 'upper'], (format) => format('hook'));
const answers = named.deliveries.map((d) => (d.ok ? `${d.plugin}=${d.value}` : d.plugin));
console.log(`NameDispatch.map(names)        ${answers.join(' | ')}`);

// DispatchExtensionManager.map(filter_func, func): the plugins a filter picks.
const picked = dispatcher.byPredicate(
  (extension) => extension.name.startsWith('u'),
  (format) => format('hook'),
);
console.log(`DispatchExtensionManager.map   ${picked.deliveries.map((d) => d.plugin).join(' | ')}`);

// DriverManager(namespace, name).driver: one plugin, the object itself
// (built here from one object, as a host's test of its driver code would).
const upper: Formatter = (text) => text.toUpperCase();
const driver = DriverManager.fromInstance('example.formatter', 'upper', upper);
console.log(`DriverManager.driver           ${driver.driver('hook')}`);
