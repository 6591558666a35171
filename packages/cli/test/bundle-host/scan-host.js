// A bundled host whose plugins stay installed: it scans node_modules and
// imports each plugin from there, so the plugins extend the installed copy of
// PollsterBase while the bundle holds a copy of its own. The class contract
// must recognise them (by the base's brand) all the same.
import {
  abstractClass,
  allowList,
  construct,
  ExtensionSet,
  packageScan,
} from '@plugin-patterns/loader';
import { PollsterBase } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture } from '@plugin-patterns/sample-plugins/fixtures';

const pollsters = ExtensionSet.discover({
  namespace: 'meter.pollster',
  sources: [packageScan({ cwd: process.cwd(), cache: false })],
  policies: [allowList(['cpu', 'memory'])],
  integration: construct(),
  contract: abstractClass(PollsterBase),
});
const loaded = await pollsters.loadAll();
console.log(
  JSON.stringify({
    pollsters: loaded.map((e) => e.object.constructor.name),
    sameCopy: loaded.map((e) => e.object instanceof PollsterBase),
    failed: pollsters.extensions.flatMap((e) =>
      e.lastError === undefined ? [] : [e.lastError.message],
    ),
    fixture: `${loadNotificationFixture().notifications.length} notifications`,
  }),
);
