// The same six pollsters, found by one package scan, under four enabling
// policies. A policy decides from declarations only: nothing is imported here.
import { join } from 'node:path';
import {
  allInstalled,
  allowList,
  denyList,
  type EnablingPolicy,
  ExtensionSet,
  packageScan,
  predicate,
} from '@plugin-patterns/loader';

const host = join(import.meta.dirname, '../..');
const scan = packageScan({ cwd: host, cache: false });

const policies: EnablingPolicy[] = [
  allInstalled(),
  // The configuration names what runs, in the order it runs. "dsk" is a typo.
  allowList(['uptime', 'cpu', 'dsk']),
  // Everything runs except what the configuration turns off.
  denyList(['hypervisor', 'network']),
  // Any rule over the declaration: here, only plugins from outside the project.
  // packageName is the name the host installed the package under, not what its
  // package.json claims, so a package cannot talk its way into (or out of) a scope.
  predicate('third-party', (entry) =>
    entry.source.kind === 'package' && !entry.source.packageName.startsWith('@plugin-patterns/')
      ? true
      : 'not from a third-party package',
  ),
];

for (const policy of policies) {
  const pollsters = ExtensionSet.discover({
    namespace: 'meter.pollster',
    sources: [scan],
    policies: [policy],
  });
  console.log(
    `${policy.name}: ${pollsters
      .enabled()
      .map((e) => e.name)
      .join(', ')}`,
  );
  for (const extension of pollsters.extensions) {
    if (extension.state.status === 'disabled') {
      console.log(`  off: ${extension.name} (${extension.state.reason})`);
    }
  }
  for (const { name, closest } of pollsters.unmatched) {
    console.log(`  unmatched: "${name}" matches no plugin; did you mean "${closest}"?`);
  }
}
