/**
 * The agent on the in-process transport and storage: at-least-once with
 * idempotent writes, poison messages dead-lettered with their reason and never
 * blocking the queue, a failing storage retried and then left for redelivery.
 * The same agent on RabbitMQ and PostgreSQL: test/bus-scale-out.test.ts.
 */
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';
import type {
  Notification,
  NotificationHandler,
  Sample,
  StorageDriver,
} from '@plugin-patterns/meter-contracts';
import { MemoryStorage, MemoryTransport } from '@plugin-patterns/sample-plugins';
import { describe, expect, it } from 'vitest';
import { notificationPipeline } from '../plugin-host.ts';
import { TOUR_ROOT } from '../run-tour.ts';
import { NotificationAgent, type NotificationDispatcher } from './notification-agent.ts';

async function handlers(): Promise<NotificationDispatcher> {
  const set = ExtensionSet.discover<NotificationHandler>({
    namespace: 'meter.notification',
    sources: [packageScan({ cwd: TOUR_ROOT, cache: false })],
    ...notificationPipeline,
  });
  return EventDispatcher.load(set, {
    subscriptions: (h) => h.eventTypes,
    eventType: (n: Notification) => n.event_type,
    call: (h, n: Notification) => h.process(n),
  });
}

const upload = (id: string, size = 10): Notification => ({
  message_id: id,
  event_type: 'image.upload',
  publisher_id: 'glance',
  timestamp: '2026-11-26T10:00:00.000Z',
  payload: { id: `image-${id}`, owner: 'project-1', size, name: id },
});

async function setUp(storage: StorageDriver = new MemoryStorage({ url: 'memory:' })) {
  const transport = new MemoryTransport({ url: 'memory:' });
  const agent = new NotificationAgent({
    transport,
    notifications: await handlers(),
    storage,
    prefetch: 1,
    writeAttempts: 2,
  });
  return { transport, storage, agent };
}

describe('NotificationAgent', () => {
  it('stores each message’s samples, then acknowledges it', async () => {
    const { transport, storage, agent } = await setUp();
    await transport.publish([upload('a'), upload('b')]);
    await agent.start();
    await agent.settled(2);
    expect(agent.stats).toMatchObject({ received: 2, acknowledged: 2, deadLettered: 0 });
    expect((await storage.query()).length).toBe(agent.stats.samples);
    expect(agent.stats.samples).toBeGreaterThan(0);
    expect(await transport.depth()).toBe(0);
  });

  it('dead-letters poison messages with their reason, and the messages behind them go through', async () => {
    const { transport, agent } = await setUp();
    const noId = { ...upload('x'), message_id: undefined };
    const unrouted = { ...upload('u'), event_type: 'identity.user.created' };
    const broken = { ...upload('m'), payload: {} };
    await transport.publish([noId, unrouted, broken, 'not an object', upload('ok')]);
    await agent.start();
    await agent.settled(5);
    const letters = await transport.drainDeadLetters();
    expect(letters.map((l) => l.reason.split(':')[0])).toEqual([
      'no message_id',
      'unrouted',
      'handler image failed',
      'no message_id',
    ]);
    expect(agent.stats).toMatchObject({ acknowledged: 1, deadLettered: 4 });
  });

  it('makes a redelivery harmless: the message is stored once', async () => {
    const storage = new MemoryStorage({ url: 'memory:' });
    const first = await setUp(storage);
    await first.transport.publish([upload('a')]);
    await first.agent.start();
    await first.agent.settled(1);
    const once = await storage.query();
    // The same message again, as a broker redelivers it when an agent dies before its ack.
    const second = await setUp(storage);
    await second.transport.publish([upload('a')]);
    await second.agent.start();
    await second.agent.settled(1);
    expect(second.agent.stats.acknowledged).toBe(1);
    expect(await storage.query()).toEqual(once);
  });

  it('leaves a message unacknowledged while the storage fails, and stores it once it is back', async () => {
    const storage = new MemoryStorage({ url: 'memory:' });
    let down = true;
    const flaky: StorageDriver = {
      write: async (samples: readonly Sample[], options) => {
        if (down) throw new Error('connection refused');
        return storage.write(samples, options);
      },
      query: (q) => storage.query(q),
      close: () => storage.close(),
    };
    const { transport, agent } = await setUp(flaky);
    await transport.publish([upload('a')]);
    await agent.start();
    await expect.poll(() => agent.stats.retriedWrites).toBe(1);
    await expect.poll(() => agent.stats.received).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.stats.acknowledged).toBe(0);
    await agent.stop(); // what it held goes back to the queue
    expect(await transport.depth()).toBe(1);
    down = false;
    await agent.start();
    await agent.settled(1);
    expect(agent.stats).toMatchObject({ acknowledged: 1, redelivered: 1 });
    expect((await storage.query()).length).toBeGreaterThan(0);
  });
});
