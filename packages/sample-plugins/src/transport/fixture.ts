/**
 * `fixture:` — the notification fixture as a queue: the embedded default
 * transport. It is a `memory:` queue that starts holding the fixture's
 * notifications, in bus order, broken ones included, so a host reads the same
 * stream from it as it would from a bus, with nothing to run.
 */
import type { TransportOptions } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture } from '../notification-fixture.ts';
import { MemoryTransport } from './memory.ts';

export class FixtureTransport extends MemoryTransport {
  /** How many notifications the fixture put on the queue. */
  readonly fixtureSize: number;

  constructor(options: TransportOptions) {
    super(options, 'fixture:');
    const { notifications } = loadNotificationFixture();
    this.fixtureSize = notifications.length;
    void this.publish(notifications);
  }
}
