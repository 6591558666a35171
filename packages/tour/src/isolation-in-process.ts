/**
 * The "in process" column of the tour's Isolation section: a host that loads
 * one untrusted plugin the essay's way, in its own process, and calls it once
 * through the loader's guard. The tour runs this file as a process of its own
 * per plugin, since a plugin that exits, crashes or spins would take the
 * tour down with it; what happens to this host is what the tour reports.
 *
 * It prints `calling` before the call and one JSON line after it; a crash is
 * named on standard error by where it came from.
 */
import { writeSync } from 'node:fs';
import {
  UNTRUSTED_NAMESPACE,
  type UntrustedPlugin,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';
import { invoke } from '@plugin-patterns/loader/invocation';

interface Snoop {
  poll(): unknown;
  read(path: string): unknown;
}

const [name, secret = ''] = process.argv.slice(2) as [UntrustedPlugin, string?];
process.on('uncaughtExceptionMonitor', (_error, origin) => {
  writeSync(2, `\nhost crashed: ${origin}\n`);
});

const set = ExtensionSet.discover<Snoop>({
  namespace: UNTRUSTED_NAMESPACE,
  sources: [untrustedPlugins([name])],
});
const [plugin] = await set.loadAll();
if (plugin === undefined) throw new Error(`${name} did not load`);
writeSync(1, 'calling\n');
let answered = true;
try {
  // The snoop is pointed at the host's secret, the others are polled.
  await (name === 'reads-secrets' ? invoke(plugin, 'read', secret) : invoke(plugin, 'poll'));
} catch {
  answered = false;
}
// Plain words, not JSON: a plugin may have replaced JSON.stringify.
const polluted = Object.hasOwn(Object.prototype, 'polluted') || JSON.stringify(1) !== '1';
writeSync(1, `answered: ${answered}, polluted: ${polluted}\n`);
