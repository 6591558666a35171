// Discovery by scanning a folder, as Diamond finds its collectors: every module
// in the folder is a plugin, named after its file. Dropping a file in is the
// whole act of installing one, so the scan is narrow: one level, only the
// listed file endings, never dotfiles, tests or type declarations.
import { construct, directoryScan, ExtensionSet } from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';
import { collectorsDirectory } from '@plugin-patterns/sample-plugins';

const source = directoryScan({
  namespace: 'meter.collector',
  directory: collectorsDirectory,
  extensions: ['.js'],
});

const { entryPoints } = source.discover();
for (const entry of entryPoints) {
  const file = entry.source.kind === 'file' ? entry.source.path : '';
  console.log(`${entry.name.padEnd(15)} <- ${file.replace(collectorsDirectory, '<collectors>')}`);
}

// Every collector is a class exporting `meters` and `poll()`: build and ask each.
const collectors = ExtensionSet.discover({
  namespace: 'meter.collector',
  sources: [source],
  integration: construct<Pollster>(),
});
console.log();
for (const collector of await collectors.loadAll()) {
  const [sample] = await collector.object.poll();
  console.log(`${collector.name.padEnd(15)} polled ${sample?.meter} in ${sample?.unit}`);
}
