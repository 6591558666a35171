/**
 * The self-check reads whatever a plugin answers when asked whether it can
 * run here. Only `{ available: true }` or `{ available: false, reason }`
 * counts; any other answer, or a plugin with nothing to ask, is decided
 * without guessing, and the reason says what was wrong.
 */
import { describe, expect, it } from 'vitest';
import { fakeEntries } from '../testing/fakes.ts';
import { selfCheck } from './self-check.ts';

const [entry] = fakeEntries(['cpu']);
if (entry === undefined) throw new Error('no fake entry');
const check = (object: unknown) => selfCheck().afterLoad?.(object, entry);
const answering = (answer: unknown) => ({ checkAvailability: () => answer });

describe('selfCheck: before loading', () => {
  it('keeps every name once, in discovery order', () => {
    const verdict = selfCheck().select(fakeEntries(['cpu', 'disk', 'cpu']));
    expect(verdict).toEqual({ enabled: ['cpu', 'disk'], disabled: [] });
  });
});

describe('selfCheck: a plugin that is not an object', () => {
  it('a number, a string or null has nothing to ask, and is available', () => {
    for (const object of [42, 'plugin', null]) {
      expect(check(object)).toEqual({ available: true });
    }
  });

  it('a number is not asked even when its prototype has a method of that name', () => {
    expect(selfCheck({ method: 'toFixed' }).afterLoad?.(42, entry)).toEqual({ available: true });
  });

  it('a function plugin is asked through its own checkAvailability', () => {
    const plugin = Object.assign(() => 'called', {
      checkAvailability: () => ({ available: false, reason: 'no GPU' }),
    });
    expect(check(plugin)).toEqual({ available: false, reason: 'no GPU' });
  });
});

describe('selfCheck: answers that are not an availability', () => {
  it.each([
    [true, 'checkAvailability() answered true instead of { available: boolean }'],
    [null, 'checkAvailability() answered null instead of { available: boolean }'],
  ])('%j is unavailable, saying what came back', (answer, reason) => {
    expect(check(answering(answer))).toEqual({ available: false, reason });
  });

  it('{ available: "yes" } is unavailable: only a boolean counts', () => {
    const verdict = check(answering({ available: 'yes' }));
    expect(verdict).toMatchObject({ available: false });
    expect(verdict).toHaveProperty(
      'reason',
      expect.stringContaining('instead of { available: boolean }'),
    );
  });
});

describe('selfCheck: unavailable without a usable reason', () => {
  it('an empty or non-string reason becomes "no reason given"', () => {
    for (const reason of ['', 42, undefined]) {
      expect(check(answering({ available: false, reason }))).toEqual({
        available: false,
        reason: 'no reason given',
      });
    }
  });
});
