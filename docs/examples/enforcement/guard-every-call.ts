// A contract checked at load time says a plugin *has* `poll`; only the call
// shows whether `poll` works. So the host checks at load, and guards every
// call as well: whatever a plugin does on a call comes back as a typed error
// that names it, and the other plugins still run.
import { join } from 'node:path';
import {
  construct,
  convention,
  ExtensionSet,
  PluginError,
  packageScan,
} from '@plugin-patterns/loader';
import { callPlugin, checkResult } from '@plugin-patterns/loader/invocation';
import { isSample, type Pollster, type Sample } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../..');

// The deliberately faulty sample plugins, held to the pollster API.
const faulty = ExtensionSet.discover<Pollster>({
  namespace: 'meter.faulty',
  sources: [packageScan({ cwd: host, cache: false })],
  integration: construct(),
  contract: convention<Pollster>({
    name: 'Pollster',
    members: { meters: 'array', poll: 'function' },
  }),
});

const ready = await faulty.loadAll();
console.log('At load time:');
for (const extension of faulty.extensions) {
  const { state } = extension;
  const verdict = state.status === 'failed' ? `${state.error.name} at ${state.stage}` : 'ready';
  console.log(`  ${extension.name.padEnd(17)} ${verdict}`);
}

// Every call: a time limit for promised answers, and a check of what came back.
const poll = (pollster: Pollster) => pollster.poll();
const areSamples = (value: unknown): value is Sample[] =>
  Array.isArray(value) && value.every(isSample);

console.log('\nOn each call:');
for (const extension of ready) {
  try {
    const answer = await callPlugin(extension, poll, { method: 'poll', timeoutMs: 100 });
    const samples = checkResult(extension, answer, areSamples, 'an array of samples', {
      method: 'poll',
    });
    console.log(`  ${extension.name.padEnd(17)} ${samples.length} samples`);
  } catch (error) {
    if (!(error instanceof PluginError)) throw error;
    console.log(`  ${extension.name.padEnd(17)} ${error.name}: ${error.message}`);
  }
}

// A bad call is recorded, but does not disable the plugin: the host decides.
const [throws] = faulty.named('throws');
console.log(
  `\nthrows is still ${throws?.state.status}; its last error: ${throws?.lastError?.code}`,
);
