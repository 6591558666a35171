// A host that installed the published packages (built JavaScript, under
// node_modules, where Node strips no types): the plugin's side must run from
// dist/ in a worker and in a child process.

import { isolation } from '@plugin-patterns/isolation';
import { untrustedPlugins } from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';

const lines = [];
for (const mode of ['worker', 'child']) {
  const isolated = isolation({ mode, timeoutMs: 1000 });
  const set = ExtensionSet.discover({
    namespace: 'meter.untrusted',
    sources: [untrustedPlugins(['steady', 'loops-forever'])],
    importer: isolated.importer,
    integration: isolated.integration,
  });
  await set.loadAll();
  for (const extension of set.extensions) {
    const answer = await extension.object.poll().then(
      (value) => JSON.stringify(value),
      (error) => error.name,
    );
    lines.push(`${mode} ${extension.name}: ${answer}`);
  }
  // Resolves once every worker or child has ended: nothing else holds this process meanwhile.
  await isolated.close();
  lines.push(`${mode} closed`);
}
console.log(lines.join('\n'));
