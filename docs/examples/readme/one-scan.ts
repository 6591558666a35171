// One package scan serves every namespace of a host: the manifests are read
// once, and nothing is imported until a plugin is loaded.
import { join } from 'node:path';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';

const host = join(import.meta.dirname, '../../../packages/tour'); // its package.json lists the plugins
const scan = packageScan({ cwd: host, cache: false }); // one scan, every namespace
const storage = ExtensionSet.discover({ namespace: 'meter.storage', sources: [scan] });
const pollsters = ExtensionSet.discover({ namespace: 'meter.pollster', sources: [scan] });
console.log(`storage: ${storage.names().join(', ')}`);
console.log(
  `pollsters: ${pollsters.names().length} found, ${scan.lastScan?.packagesRead} manifests read`,
);
const Memory = await storage.load('memory'); // imported now, once
console.log(`loaded: ${typeof Memory === 'function' ? Memory.name : typeof Memory}`);
