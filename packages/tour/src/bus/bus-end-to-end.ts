/**
 * The tour's notifications over a transport (`--transport URL`): the fixture's
 * notifications are published to the queue (`fixture:` holds them already),
 * and a notification agent consumes them, routes each with the dispatcher,
 * writes its samples with the message id, and acknowledges it. The tour then
 * reports what the agent did beside what the dispatcher saw, which is the same
 * stream as without a bus, so the rest of the tour reads the same.
 */

import type { DispatchAllResult, EventOutcome } from '@plugin-patterns/dispatch';
import { DispatchTally } from '@plugin-patterns/dispatch/parts';
import type { DriverManager } from '@plugin-patterns/driver';
import type { Notification, Sample, Transport } from '@plugin-patterns/meter-contracts';
import type { NotificationFixture } from '@plugin-patterns/sample-plugins';
import type { TourHost } from '../host-setup.ts';
import type { BusFacts } from '../tour-result.ts';
import { NotificationAgent } from './notification-agent.ts';

export interface BusRun {
  readonly dispatched: DispatchAllResult<Notification, Sample[]>;
  /** How many writes the agent made: one per message it acknowledged. */
  readonly batches: number;
  readonly facts: BusFacts;
}

export async function runOverBus(
  host: TourHost,
  transport: DriverManager<Transport>,
  fixture: NotificationFixture,
): Promise<BusRun> {
  const bus = transport.driver;
  const preloaded = transport.name === 'fixture';
  if (!preloaded) await bus.publish(fixture.notifications);
  const outcomes: EventOutcome<Notification, Sample[]>[] = [];
  const tally = new DispatchTally();
  const agent = new NotificationAgent({
    transport: bus,
    notifications: host.notifications,
    storage: host.storage.driver,
    // One message at a time: the outcomes, and so the tour's tables, keep the bus order.
    prefetch: 1,
    onOutcome: (outcome) => {
      outcomes.push(outcome);
      tally.add(outcome);
    },
  });
  await agent.start();
  await agent.settled(fixture.notifications.length);
  await agent.stop();
  // Cleanup only: the count is the agent's own. A queue the user named may
  // hold dead letters from an earlier run, which this run did not make.
  await bus.drainDeadLetters();
  const stats = agent.stats;
  return {
    dispatched: { outcomes, summary: tally.summary },
    batches: stats.acknowledged,
    facts: {
      url: transport.url?.redacted ?? '',
      driver: transport.name,
      published: preloaded ? 0 : fixture.notifications.length,
      acknowledged: stats.acknowledged,
      deadLettered: stats.deadLettered,
      redelivered: stats.redelivered,
    },
  };
}
