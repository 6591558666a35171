// tapable's hooks, done this way. The taps of a hook are plugins, here
// registered with add() as `hook.tap(name, fn)` does; the kind of hook is the
// call mode: SyncHook is map, SyncBailHook first, SyncWaterfallHook pipeline,
// AsyncSeriesHook an awaited map, AsyncParallelHook parallel. A tap's
// `stage` or `before` is an `order` declaration.
import { IteratorManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

type Tap = (text: string) => string | undefined;
const hook = new IteratorManager(ExtensionSet.fromObjects<Tap>('demo.compile', {}));

// hook.tap('trim', fn); hook.tap({ name: 'upper', before: 'trim' }, fn)
hook.add('trim', (text) => text.trim());
hook.add(
  'upper',
  Object.assign((text: string) => text.toUpperCase(), { order: { before: 'trim' } }),
);
hook.add('exclaim', (text) => (text.endsWith('!') ? undefined : `${text}!`));
console.log(hook.names().join(' → '));

const input = '  hello  ';
console.log('SyncHook         ', hook.map((tap) => tap(input)).values);
console.log('SyncBailHook     ', JSON.stringify(hook.first((tap) => tap(input)).value));
const waterfall = hook.pipeline(input, (tap, text: string) => tap(text) ?? text);
console.log('SyncWaterfallHook', JSON.stringify(waterfall.value));
const series = await hook.map(async (tap) => tap(input));
console.log('AsyncSeriesHook  ', series.values.length, 'answers');
const parallel = await hook.parallel(async (tap) => tap(input));
console.log('AsyncParallelHook', parallel.values.length, 'answers');
