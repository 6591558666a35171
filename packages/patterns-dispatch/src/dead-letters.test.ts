import { describe, expect, it } from 'vitest';
import { DeadLetters, type NewDeadLetter } from './dead-letters.ts';
import { UnroutedEventError } from './event-errors.ts';

function letter(eventType: string): NewDeadLetter<unknown> {
  return {
    reason: 'unrouted',
    event: { event_type: eventType },
    eventType,
    handler: undefined,
    error: new UnroutedEventError('meter.notification', eventType),
  };
}

describe('DeadLetters: keeping letters', () => {
  it('keeps letters oldest first, numbered from 1', () => {
    const box = new DeadLetters();
    box.add(letter('a'));
    box.add(letter('b'));
    expect(box.list().map((l) => [l.sequence, l.eventType])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(box.size).toBe(2);
    expect(box.dropped).toBe(0);
  });

  it('returns the stored letter with its sequence number', () => {
    const box = new DeadLetters();
    expect(box.add(letter('a')).sequence).toBe(1);
  });
});

describe('DeadLetters: the bound', () => {
  it('drops the oldest letters beyond its capacity, and counts them', () => {
    const box = new DeadLetters(3);
    for (const type of ['a', 'b', 'c', 'd', 'e']) box.add(letter(type));
    expect(box.list().map((l) => l.eventType)).toEqual(['c', 'd', 'e']);
    expect(box.list().map((l) => l.sequence)).toEqual([3, 4, 5]);
    expect(box.size).toBe(3);
    expect(box.dropped).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new DeadLetters(0)).toThrow(RangeError);
    expect(() => new DeadLetters(1.5)).toThrow(RangeError);
  });
});

describe('DeadLetters: drain', () => {
  it('hands over the letters and starts empty, without counting them as dropped', () => {
    const box = new DeadLetters(2);
    for (const type of ['a', 'b', 'c']) box.add(letter(type));
    expect(box.drain().map((l) => l.eventType)).toEqual(['b', 'c']);
    expect(box.size).toBe(0);
    expect(box.list()).toEqual([]);
    expect(box.dropped).toBe(1);
    box.add(letter('d'));
    expect(box.list().map((l) => [l.sequence, l.eventType])).toEqual([[4, 'd']]);
  });
});
