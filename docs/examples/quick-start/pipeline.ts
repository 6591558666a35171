// The whole pipeline for one namespace: discover by package scan, enable with
// a deny list and the plugins' own self-check, construct each plugin, hold it
// to a contract. Nothing is imported until `loadAll()`.
import { join } from 'node:path';
import {
  construct,
  convention,
  denyList,
  ExtensionSet,
  packageScan,
  selfCheck,
} from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../..'); // a folder whose package.json lists the plugins

const pollsters = ExtensionSet.discover<Pollster>({
  namespace: 'meter.pollster',
  sources: [packageScan({ cwd: host, cache: false })],
  policies: [denyList(['network']), selfCheck()],
  integration: construct(),
  contract: convention<Pollster>({
    name: 'Pollster',
    members: { meters: 'array', poll: 'function' },
  }),
});

const ready = await pollsters.loadAll();
console.log('ready:', ready.map((e) => e.name).join(', '));

// Every plugin found has a record that says why it is, or is not, running:
// its state names the policy (or the stage that failed) and the reason.
for (const extension of pollsters.extensions) {
  const { state } = extension;
  if (state.status === 'disabled') console.log(`${extension.name}: disabled by ${state.by}`);
  if (state.status === 'failed') console.log(`${extension.name}: failed at ${state.stage}`);
}
