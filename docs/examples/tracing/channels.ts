// The channels themselves, for a tool that knows nothing of this project:
// Node's diagnostics_channel, by name. Each plugin call publishes start and
// end (an error before end when it threw; asyncStart and asyncEnd when its
// promise settles), with the same context object on every event.
import { tracingChannel } from 'node:diagnostics_channel';
import { Dispatcher } from '@plugin-patterns/dispatch';
import { ExtensionSet } from '@plugin-patterns/loader';

const calls = tracingChannel<unknown, { plugin: string; pattern: string; error?: unknown }>(
  'plugin-patterns:call',
);
const show = (event: string) => (context: { plugin: string; pattern: string }) =>
  console.log(`${event.padEnd(10)} ${context.pattern} → ${context.plugin}`);
calls.subscribe({
  start: show('start'),
  end: show('end'),
  asyncStart: show('asyncStart'),
  asyncEnd: show('asyncEnd'),
  error: show('error'),
});

interface Greeter {
  greet(name: string): string | Promise<string>;
}
const greeters = ExtensionSet.fromObjects<Greeter>('greeters', {
  en: { greet: (name) => `hello ${name}` },
  fr: { greet: async (name) => `bonjour ${name}` },
  xx: {
    greet: () => {
      throw new Error('no such language');
    },
  },
});
const dispatcher = new Dispatcher(greeters);
const result = await dispatcher.byName(['en', 'xx', 'fr'], (greeter) => greeter.greet('Ada'));
console.log(result.deliveries.map((d) => (d.ok ? d.value : d.error.name)));
