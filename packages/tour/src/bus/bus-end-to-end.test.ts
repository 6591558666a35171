/**
 * What the tour reports of a bus run is what this run's agent did: a queue
 * the user named may already hold dead letters from an earlier run, and they
 * are drained (cleanup) but not counted.
 */
import type { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import type { Transport } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture, MemoryTransport } from '@plugin-patterns/sample-plugins';
import { expect, it } from 'vitest';
import { loadHost } from '../host-setup.ts';
import { TOUR_ROOT } from '../run-tour.ts';
import { runOverBus } from './bus-end-to-end.ts';

it('counts the dead letters this run made, not those left on the queue before it', async () => {
  const host = await loadHost(packageScan({ cwd: TOUR_ROOT, cache: false }), 'memory:');
  try {
    const bus = new MemoryTransport({ url: 'memory:' });
    // An earlier run's leftover: one message dead-lettered and never drained.
    await bus.publish([{ message_id: 'old', event_type: 'image.upload' }]);
    const consumer = await bus.consume((message) => message.deadLetter('from an earlier run'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await consumer.stop();
    const transport = {
      name: 'memory',
      url: undefined,
      driver: bus,
    } as unknown as DriverManager<Transport>;
    const fixture = loadNotificationFixture();
    const run = await runOverBus(host, transport, fixture);
    expect(run.facts).toMatchObject({ acknowledged: 306, deadLettered: 6 });
    expect(run.batches).toBe(306);
    // The drain still cleaned the queue, leftover included.
    expect(await bus.drainDeadLetters()).toEqual([]);
  } finally {
    await host.storage.driver.close();
  }
});
