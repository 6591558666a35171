// Four untrusted pollsters, each loaded in a worker thread of its own. The
// host holds a stand-in for each: every method call is a message, every
// answer a copy. The one that spins is stopped at its time limit, the one
// that calls process.exit() ends only its worker, the one that pollutes
// Object.prototype pollutes its worker's, and the host goes on.
import { isolation } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Pollster {
  readonly meters: readonly string[];
  poll(): Promise<unknown[]>; // a stand-in always answers with a promise
}

const isolated = isolation<Pollster>({ mode: 'worker', timeoutMs: 1000 });
const pollsters = ExtensionSet.discover<Pollster>({
  namespace: UNTRUSTED_NAMESPACE,
  sources: [untrustedPlugins(['steady', 'loops-forever', 'exits', 'pollutes-prototype'])],
  importer: isolated.importer, // the module is imported in the plugin's worker
  integration: isolated.integration, // and built there; the host gets the stand-in
});

for (const pollster of await pollsters.loadAll()) {
  const answer = await pollster.object.poll().then(
    (samples) => `answered ${JSON.stringify(samples)}`,
    (error: Error) => `${error.name}: ${error.message}`,
  );
  console.log(`${pollster.name} (meters: ${pollster.object.meters.join(', ')})\n  ${answer}`);
  const { state } = pollster;
  if (state.status === 'disabled') console.log(`  now disabled by ${state.by}: ${state.reason}`);
}

const probe: Record<string, unknown> = {};
console.log(`\nthe host's Object.prototype is clean: ${probe.polluted === undefined}`);
console.log(`the host's JSON.stringify tells the truth: ${JSON.stringify([1]) === '[1]'}`);
await isolated.close();
