/**
 * A third party's pollster: how long this machine has been up, in seconds.
 *
 * Nothing in the host names this package. It declares the plugin in its own
 * package.json (`entryPoints` → `meter.pollster` → `uptime`), and a host that
 * scans its installed dependencies finds it there: installing is activating.
 * It depends only on the host's published contracts, as any plugin should.
 *
 * It implements the `Pollster` interface without extending the host's
 * `PollsterBase`: the base is offered, not required, and a third party may
 * choose not to inherit from it (to stay a plain class, or to need only the
 * types). A host that checks plugins by shape accepts it; one that checks by
 * class refuses it, though it works.
 */
import { hostname, uptime } from 'node:os';
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

export class UptimePollster implements Pollster {
  readonly meters: readonly string[] = ['uptime'];

  /** Sync: the kernel keeps the number at hand. */
  poll(): Sample[] {
    return [
      {
        meter: 'uptime',
        type: 'gauge',
        unit: 's',
        volume: Math.floor(uptime()),
        resourceId: hostname(),
        projectId: null,
        timestamp: new Date().toISOString(),
        source: 'acme:uptime',
      },
    ];
  }
}
