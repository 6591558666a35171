// A host bundled with its plugins: it finds them through the static manifest
// written beside it (plugin-patterns manifest), loads a storage driver and
// polls two pollsters under a class contract, then prints what it did as JSON.
// The bundle test builds it with esbuild and with Vite, and runs the bundles
// where no node_modules is in reach.
import { DriverManager } from '@plugin-patterns/driver';
import { abstractClass, allowList, construct, ExtensionSet } from '@plugin-patterns/loader';
import { staticManifest } from '@plugin-patterns/loader/static-manifest';
import { PollsterBase } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture } from '@plugin-patterns/sample-plugins/fixtures';
import manifest from './plugins.manifest.js';

const source = staticManifest(manifest);
const { driver } = await DriverManager.load({
  namespace: 'meter.storage',
  sources: [source],
  name: 'memory',
  args: [{ url: 'memory:' }],
});
const pollsters = ExtensionSet.discover({
  namespace: 'meter.pollster',
  sources: [source],
  policies: [allowList(['cpu', 'memory'])],
  integration: construct(),
  contract: abstractClass(PollsterBase),
});
const loaded = await pollsters.loadAll();
let fixture;
try {
  fixture = `${loadNotificationFixture().notifications.length} notifications`;
} catch (error) {
  fixture = error.message;
}
console.log(
  JSON.stringify({
    driver: driver.constructor.name,
    pollsters: loaded.map((e) => e.object.constructor.name),
    failed: pollsters.extensions.flatMap((e) =>
      e.lastError === undefined ? [] : [e.lastError.message],
    ),
    checked: source.lastCheck?.checked,
    fixture,
  }),
);
