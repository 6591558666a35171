// Discovery at build time: one package scan writes a static manifest, a
// module that lists every plugin with an import a bundler can follow. A
// process then starts from the manifest: no node_modules is scanned.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DriverManager } from '@plugin-patterns/driver';
import { writeStaticManifest } from '@plugin-patterns/loader/discovery';
import { type StaticManifest, staticManifest } from '@plugin-patterns/loader/static-manifest';

const host = join(import.meta.dirname, '../..');

// At build time, what `plugin-patterns manifest --out <file>` does.
const out = join(host, 'node_modules/.cache/examples/plugins.manifest.js');
const written = writeStaticManifest({ cwd: host, out });
console.log(`build: wrote ${relative(host, written.file)}`);

// At start. A bundled host writes `import manifest from './plugins.manifest.js'`.
const { default: manifest } = (await import(pathToFileURL(out).href)) as {
  default: StaticManifest;
};
const source = staticManifest(manifest, { cwd: host });
const { driver } = await DriverManager.load<object>({
  namespace: 'meter.storage',
  sources: [source],
  name: 'memory',
  args: [{ url: 'memory:' }],
});
console.log(`start: ${driver.constructor.name}, fingerprint checked: ${source.lastCheck?.checked}`);

// Installing or upgrading a plugin changes the host's package.json or its
// lockfile; a changed hash stands in for that here. The manifest is stale,
// and it is refused, never used silently.
const changed = { ...manifest, fingerprint: [['package.json', 'changed', 0] as const] };
try {
  staticManifest(changed, { cwd: host }).discover('meter.storage');
} catch (error) {
  console.log((error as Error).message.replaceAll(host, '<host>'));
}
