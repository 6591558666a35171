// Discovery from an explicit list of files: for plugins that are not packages.
// The host maps each name to a file (and the export to take, `default` unless
// said otherwise); every path is checked at discovery, so a typo is reported
// before anything runs.
import { join } from 'node:path';
import { construct, ExtensionSet, fileList } from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';
import { collectorsDirectory } from '@plugin-patterns/sample-plugins';

const source = fileList({
  namespace: 'meter.collector',
  files: {
    'cpu-count': join(collectorsDirectory, 'cpu-count.js'),
    'load-average': { path: join(collectorsDirectory, 'load-average.js'), export: 'default' },
    uptime: join(collectorsDirectory, 'uptim.js'), // a typo
  },
});

const collectors = ExtensionSet.discover({
  namespace: 'meter.collector',
  sources: [source],
  integration: construct<Pollster>(), // each file exports a class: build one of each
});

// Paths are shown from the collectors folder, so the output is the same on every machine.
const shorten = (text: string) => text.replace(collectorsDirectory, '<collectors>');

for (const report of collectors.report()) {
  console.log(`${report.name.padEnd(12)} ${report.status.padEnd(7)} ${shorten(report.source)}`);
}

// Loading imports the listed files, and only those.
console.log();
for (const collector of await collectors.loadAll()) {
  console.log(`ready:  ${collector.name} measures ${collector.object.meters.join(', ')}`);
}
for (const collector of collectors.extensions) {
  if (collector.state.status === 'failed')
    console.log(`failed: ${shorten(collector.state.error.message)}`);
}
