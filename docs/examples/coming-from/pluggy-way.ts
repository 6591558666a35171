// pluggy's plugin manager, done this way. A hook specification is a plugin
// type; each implementation is a plugin object; `pm.hook.name(...)` is a run
// of the manager. tryfirst/trylast are an `order` position, a hook wrapper is
// a Wrapper, firstresult is `first`, register/unregister are add/remove, and
// a historic call is replayed to plugins added later.
import { IteratorManager, type Wrapper } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Greeter {
  greet(name: string): string | undefined;
}
const greeter = (greet: Greeter['greet'], order?: object): Greeter => ({ greet, ...{ order } });

const plugins = ExtensionSet.fromObjects<Greeter>('demo.greeters', {
  polite: greeter((name) => `Good day, ${name}.`),
  casual: greeter((name) => `Hi ${name}!`, { position: 'first' }), // tryfirst
  silent: greeter(() => undefined, { position: 'last' }), // trylast
});
const shouting: Wrapper = {
  wrap(run, about) {
    const result = run(); // hookwrapper: code before and after the implementations
    if (about.mode !== 'map') return result;
    const { values } = result as { values: (string | undefined)[] };
    return { ...(result as object), values: values.map((v) => v?.toUpperCase()) };
  },
};
const pm = new IteratorManager(plugins, {
  wrappers: ExtensionSet.fromObjects<Wrapper>('demo.wrappers', { shouting }),
});

// pm.hook.greet(name="Ada")
console.log(pm.map((p) => p.greet('Ada')).values);
// firstresult=True: the first answer that is not undefined
console.log(pm.first((p) => p.greet('Ada')).value);
// pm.hook.greet.call_historic(kwargs=..., result_callback=...)
pm.historic(
  (p) => p.greet('Bob'),
  (result) => console.log('historic:', result.values.join(' ')),
);
// pm.register(plugin) and pm.unregister(plugin)
pm.add(
  'formal',
  greeter((name) => `Dear ${name},`),
);
pm.remove('casual');
console.log(pm.names().join(', '));
