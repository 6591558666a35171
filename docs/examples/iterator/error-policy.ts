// When plugins fail. The deliberately faulty sample pollsters are found like
// any others; two fail while loading and are never called, and the rest fail
// when called: each failure is typed, names its plugin, is recorded on its
// extension, and the run goes on to the next pollster.
import { join } from 'node:path';
import { EmptyNamespaceError, IteratorManager } from '@plugin-patterns/iterator';
import {
  construct,
  convention,
  ExtensionSet,
  PluginError,
  packageScan,
} from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../../../packages/tour');
const scan = packageScan({ cwd: host, cache: false });
const discover = (namespace: string) =>
  ExtensionSet.discover<Pollster>({
    namespace,
    sources: [scan],
    integration: construct(),
    contract: convention<Pollster>({ name: 'Pollster', members: { poll: 'function' } }),
  });

const faulty = discover('meter.faulty');
const pollsters = await new IteratorManager(faulty, { method: 'poll', timeoutMs: 100 }).load();
for (const report of faulty.report().filter((r) => r.status === 'failed')) {
  console.log(`not loaded  ${report.name} (${report.stage})`);
}

// collect, the default: every pollster is called; failures come back beside the answers.
const run = await pollsters.map((pollster) => pollster.poll());
console.log(`answered    ${run.from.map((e) => e.name).join(', ')}`);
for (const failure of run.failures) console.log(`failed      ${failure.message}`);
// (wrong-shape answered: its answer is not an array of samples, which is the
// poller's check to make, not the call's.)

// raise: the first failure is thrown, and no later pollster is called.
try {
  await pollsters.map((pollster) => pollster.poll(), { onError: 'raise' });
} catch (error) {
  if (error instanceof PluginError) console.log(`raised      ${error.code} from ${error.plugin}`);
}

// An empty namespace gives the empty result, or an error when asked.
const none = await new IteratorManager(discover('meter.nothing')).load();
console.log(`empty       ${JSON.stringify(none.map((p) => p.poll()))}`);
try {
  none.map((pollster) => pollster.poll(), { onEmpty: 'error' });
} catch (error) {
  if (error instanceof EmptyNamespaceError) console.log(`empty       ${error.message}`);
}
