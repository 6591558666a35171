// The iterator, used as it is today, over isolated plugins: it calls every
// pollster in turn and collects the answers and the failures. The failures
// come typed from the stand-ins, naming the plugin once, as the iterator's
// own guard would name an in-process plugin's.
import { isolation } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { IteratorManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Pollster {
  poll(): Promise<unknown[]>;
}

const isolated = isolation<Pollster>({ mode: 'worker', timeoutMs: 1000 });
const set = ExtensionSet.discover<Pollster>({
  namespace: UNTRUSTED_NAMESPACE,
  sources: [untrustedPlugins(['steady', 'loops-forever', 'exits', 'rejects-unhandled'])],
  importer: isolated.importer,
  integration: isolated.integration,
});
const pollsters = await new IteratorManager(set, { method: 'poll' }).load();

const first = await pollsters.map((pollster) => pollster.poll());
console.log(`${first.values.length} answers, from ${first.from.map((e) => e.name).join(', ')}`);
for (const failure of first.failures) console.log(`  ${failure.name}: ${failure.message}`);

// The unhandled rejection ended its worker after it had answered: a next round
// finds out, and the honest pollster still answers.
const next = await pollsters.map((pollster) => pollster.poll());
console.log(`next round: answers from ${next.from.map((e) => e.name).join(', ')}`);
await isolated.close();
