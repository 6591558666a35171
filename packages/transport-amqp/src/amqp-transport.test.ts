/**
 * The transport against a real RabbitMQ. Where the node comes from: see
 * scripts/rabbitmq/test-server.ts. Without one, these tests fail; they never skip.
 */
import type { TransportMessage } from '@plugin-patterns/meter-contracts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  amqpTestServer,
  queueUrl,
  requireAmqp,
  runQueue,
} from '../../../scripts/rabbitmq/test-server.ts';
import { AmqpTransport } from './amqp-transport.ts';

const server = await amqpTestServer();
const opened: AmqpTransport[] = [];
afterAll(async () => {
  for (const transport of opened) {
    await transport.deleteQueues().catch(() => undefined);
    await transport.close();
  }
  await server.stop();
}, 60_000);

/** A transport over a queue of its own. */
function fresh(label: string): AmqpTransport {
  const transport = new AmqpTransport({ url: queueUrl(requireAmqp(server), runQueue(label)) });
  opened.push(transport);
  return transport;
}

const note = (id: string) => ({ message_id: id, event_type: 'image.upload', payload: {} });

describe('AmqpTransport against RabbitMQ', () => {
  it('is available, publishes with confirms, and delivers in order', async () => {
    const transport = fresh('order');
    expect(await transport.checkAvailability()).toEqual({ available: true });
    await transport.publish([note('a'), note('b'), note('c')]);
    expect(await transport.depth()).toBe(3);
    const seen: unknown[] = [];
    const consumer = await transport.consume(async (m) => {
      seen.push(m.body);
      await m.ack();
    });
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual([note('a'), note('b'), note('c')]);
    await consumer.stop();
    expect(await transport.depth()).toBe(0);
  });

  it('redelivers what a stopped consumer held, marked redelivered', async () => {
    const transport = fresh('redeliver');
    await transport.publish([note('a'), note('b'), note('c')]);
    const held: TransportMessage[] = [];
    const first = await transport.consume(async (m) => void held.push(m), { prefetch: 2 });
    await expect.poll(() => held.length).toBe(2);
    await held[0]?.ack();
    await expect.poll(() => held.length).toBe(3);
    await first.stop();
    const again: TransportMessage[] = [];
    const second = await transport.consume(async (m) => {
      again.push(m);
      await m.ack();
    });
    await expect.poll(() => again.length).toBe(2);
    expect(again.map((m) => [m.messageId, m.redelivered])).toEqual([
      ['b', true],
      ['c', true],
    ]);
    await second.stop();
  });

  it('dead-letters a message with its reason, and a body that is not JSON arrives as undefined', async () => {
    const transport = fresh('dead');
    await transport.publish([note('a'), note('poison')]);
    const seen: string[] = [];
    const consumer = await transport.consume(async (m) => {
      seen.push(String(m.messageId));
      if (m.messageId === 'poison') await m.deadLetter('no handler for it');
      else await m.ack();
    });
    await expect.poll(() => seen.length).toBe(2);
    await expect
      .poll(async () => (await transport.drainDeadLetters()).map((l) => [l.messageId, l.reason]))
      .toEqual([['poison', 'no handler for it']]);
    expect(await transport.depth()).toBe(0);
    await consumer.stop();
  });

  it('two consumers share one queue', async () => {
    const transport = fresh('share');
    const other = new AmqpTransport({ url: transport.url.replace('***', 'guest') });
    const notes = Array.from({ length: 40 }, (_, i) => note(`n${i}`));
    await transport.publish(notes);
    const by = [0, 0];
    const handle = (i: 0 | 1) => async (m: TransportMessage) => {
      by[i] = (by[i] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 2));
      await m.ack();
    };
    const one = await transport.consume(handle(0), { prefetch: 1 });
    const two = await other.consume(handle(1), { prefetch: 1 });
    await expect.poll(() => (by[0] ?? 0) + (by[1] ?? 0)).toBe(40);
    expect(by[0]).toBeGreaterThan(0);
    expect(by[1]).toBeGreaterThan(0);
    await one.stop();
    await two.stop();
    await other.close();
  });
});
