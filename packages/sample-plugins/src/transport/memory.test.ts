import { InvalidTransportUrlError, type TransportMessage } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { loadNotificationFixture } from '../notification-fixture.ts';
import { FixtureTransport } from './fixture.ts';
import { MemoryTransport } from './memory.ts';

const note = (id: string) => ({ message_id: id, event_type: 'image.upload', payload: {} });

describe('MemoryTransport', () => {
  it('delivers in order, a decoded copy, and forgets what was acknowledged', async () => {
    const transport = new MemoryTransport({ url: 'memory:' });
    const sent = [note('a'), note('b'), note('c')];
    await transport.publish(sent);
    expect(await transport.depth()).toBe(3);
    const seen: unknown[] = [];
    const consumer = await transport.consume(async (message) => {
      seen.push(message.body);
      await message.ack();
    });
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual(sent);
    expect(seen[0]).not.toBe(sent[0]);
    await consumer.stop();
    expect(await transport.depth()).toBe(0);
  });

  it('holds at most prefetch messages per consumer, and gives the unacknowledged back on stop', async () => {
    const transport = new MemoryTransport({ url: 'memory:' });
    await transport.publish([note('a'), note('b'), note('c')]);
    const held: TransportMessage[] = [];
    const first = await transport.consume(async (m) => void held.push(m), { prefetch: 2 });
    await expect.poll(() => held.length).toBe(2);
    expect(await transport.depth()).toBe(1);
    await held[0]?.ack();
    await expect.poll(() => held.length).toBe(3);
    await first.stop(); // b and c were not acknowledged
    expect(await transport.depth()).toBe(2);
    const again: TransportMessage[] = [];
    await transport.consume(async (m) => {
      again.push(m);
      await m.ack();
    });
    await expect.poll(() => again.length).toBe(2);
    expect(again.map((m) => [m.messageId, m.redelivered])).toEqual([
      ['b', true],
      ['c', true],
    ]);
  });

  it('shares one queue between consumers, and dead-letters with the reason', async () => {
    const transport = new MemoryTransport({ url: 'memory:' });
    const by: Record<string, number> = { one: 0, two: 0 };
    const handle = (name: string) => async (m: TransportMessage) => {
      by[name] = (by[name] ?? 0) + 1;
      if (m.messageId === 'poison') await m.deadLetter('cannot be read');
      else await m.ack();
    };
    await transport.consume(handle('one'), { prefetch: 1 });
    await transport.consume(handle('two'), { prefetch: 1 });
    await transport.publish([note('a'), note('poison'), note('c'), note('d')]);
    await expect.poll(() => (by.one ?? 0) + (by.two ?? 0)).toBe(4);
    expect(by.one).toBeGreaterThan(0);
    expect(by.two).toBeGreaterThan(0);
    expect(await transport.drainDeadLetters()).toEqual([
      { messageId: 'poison', body: note('poison'), reason: 'cannot be read' },
    ]);
    expect(await transport.drainDeadLetters()).toEqual([]);
    await transport.close();
  });

  it('refuses another URL, naming what it expects', () => {
    expect(() => new MemoryTransport({ url: 'memory://x' })).toThrow(InvalidTransportUrlError);
    expect(() => new MemoryTransport({ url: 'memory://x' })).toThrow(
      'MemoryTransport cannot use the URL "memory://x": expected "memory:"',
    );
  });
});

describe('FixtureTransport', () => {
  it('starts holding the fixture’s notifications, in bus order', async () => {
    const transport = new FixtureTransport({ url: 'fixture:' });
    const fixture = loadNotificationFixture();
    expect(transport.fixtureSize).toBe(fixture.notifications.length);
    expect(await transport.depth()).toBe(fixture.notifications.length);
    const ids: (string | undefined)[] = [];
    await transport.consume(async (m) => {
      ids.push(m.messageId);
      await m.ack();
    });
    await expect.poll(() => ids.length).toBe(fixture.notifications.length);
    expect(ids).toEqual(fixture.notifications.map((n) => n.message_id));
  });
});
