import { describe, expect, it } from 'vitest';
import { fakeEntries, fakeEntry } from '../testing/fakes.ts';
import { selfCheck } from './self-check.ts';

const ask = (object: unknown) => {
  const afterLoad = selfCheck().afterLoad;
  if (afterLoad === undefined) throw new Error('selfCheck has no afterLoad');
  return afterLoad(object, fakeEntry('cpu'));
};

describe('selfCheck: select', () => {
  it('keeps every candidate: the question needs loaded code', () => {
    expect(selfCheck().select(fakeEntries(['a', 'b'])).enabled).toEqual(['a', 'b']);
  });
});

describe('selfCheck: sync answers', () => {
  it('is available when the plugin says so, without creating a promise', () => {
    const answer = ask({ checkAvailability: () => ({ available: true }) });
    expect(answer).toEqual({ available: true });
    expect(answer).not.toBeInstanceOf(Promise);
  });

  it("passes on the plugin's reason", () => {
    const answer = ask({ checkAvailability: () => ({ available: false, reason: 'no /proc' }) });
    expect(answer).toEqual({ available: false, reason: 'no /proc' });
  });

  it('calls the method on the plugin (this is the plugin)', () => {
    class Probe {
      present = false;
      checkAvailability() {
        return this.present ? { available: true } : { available: false, reason: 'absent' };
      }
    }
    expect(ask(new Probe())).toEqual({ available: false, reason: 'absent' });
  });

  it('takes a plugin without the method to be available', () => {
    expect(ask({ poll: () => [] })).toEqual({ available: true });
    expect(ask(() => 1)).toEqual({ available: true });
    expect(ask(null)).toEqual({ available: true });
  });

  it('gives a reason when the plugin gives none', () => {
    expect(ask({ checkAvailability: () => ({ available: false }) })).toEqual({
      available: false,
      reason: 'no reason given',
    });
  });
});

describe('selfCheck: async answers', () => {
  it('awaits a promised answer', async () => {
    const answer = ask({ checkAvailability: async () => ({ available: false, reason: 'no GPU' }) });
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toEqual({ available: false, reason: 'no GPU' });
  });

  it('disables with the message of a rejected check', async () => {
    const answer = ask({ checkAvailability: () => Promise.reject(new Error('socket refused')) });
    await expect(answer).resolves.toEqual({
      available: false,
      reason: 'checkAvailability() threw: socket refused',
    });
  });
});

describe('selfCheck: checks that misbehave', () => {
  it('disables with the thrown message', () => {
    const answer = ask({
      checkAvailability() {
        throw new Error('cannot stat /dev/nvidia0');
      },
    });
    expect(answer).toEqual({
      available: false,
      reason: 'checkAvailability() threw: cannot stat /dev/nvidia0',
    });
  });

  it('disables on an answer that is not { available }', () => {
    expect(ask({ checkAvailability: () => true })).toEqual({
      available: false,
      reason: 'checkAvailability() answered true instead of { available: boolean }',
    });
  });

  it('disables when the member is not a method', () => {
    expect(ask({ checkAvailability: 'yes' })).toEqual({
      available: false,
      reason: 'checkAvailability() threw: checkAvailability is not a method',
    });
  });
});

describe('selfCheck: options', () => {
  it('asks another method and reports under another name', () => {
    const policy = selfCheck({ name: 'probe', method: 'probe' });
    expect(policy.name).toBe('probe');
    expect(
      policy.afterLoad?.({ probe: () => ({ available: false, reason: 'off' }) }, fakeEntry('cpu')),
    ).toEqual({
      available: false,
      reason: 'off',
    });
  });
});
