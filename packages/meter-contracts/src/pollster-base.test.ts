import { CLASS_BRAND } from '@plugin-patterns/loader/enforcement';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as contracts from './index.ts';
import type { Availability, Pollster, PollsterClass } from './pollster.ts';
import { PollsterBase } from './pollster-base.ts';
import type { Sample } from './sample.ts';

class QueuePollster extends PollsterBase {
  readonly meters: readonly string[] = ['queue.depth'];
  poll(): Sample[] {
    return [];
  }
}

class SocketPollster extends PollsterBase {
  readonly meters: readonly string[] = ['socket.count'];
  override async checkAvailability(): Promise<Availability> {
    return { available: false, reason: 'no socket here' };
  }
  async poll(): Promise<Sample[]> {
    return [];
  }
}

describe('PollsterBase', () => {
  it('is exported from the package root', () => {
    expect(contracts.PollsterBase).toBe(PollsterBase);
  });

  it('makes its subclasses pollsters, to the type checker and to instanceof', () => {
    expectTypeOf(QueuePollster).toExtend<PollsterClass>();
    expectTypeOf<PollsterBase>().toExtend<Pollster>();
    expect(new QueuePollster()).toBeInstanceOf(PollsterBase);
    expect({ meters: [], poll: () => [] }).not.toBeInstanceOf(PollsterBase);
  });

  it('lists its abstract members, which leave no trace on the emitted class', () => {
    expect(PollsterBase.abstractMembers).toEqual(['meters', 'poll']);
    for (const member of PollsterBase.abstractMembers) {
      expect(Reflect.get(PollsterBase.prototype, member), member).toBeUndefined();
    }
  });

  it('answers available by default, synchronously', () => {
    expect(new QueuePollster().checkAvailability()).toEqual({ available: true });
  });

  it('lets a subclass answer its availability, asynchronously too', async () => {
    const answer = new SocketPollster().checkAvailability();
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ available: false, reason: 'no socket here' });
  });
});

describe('PollsterBase brand', () => {
  // pollster-base.ts spells the symbol out rather than import the loader
  // (class-brand.ts says why): this is where a drift of either spelling shows.
  it("carries its brand under the loader's CLASS_BRAND, on the class and not its subclasses", () => {
    expect(Object.getOwnPropertyDescriptor(PollsterBase, CLASS_BRAND)?.value).toBe(
      '@plugin-patterns/meter-contracts:PollsterBase@1',
    );
    expect(Object.hasOwn(QueuePollster, CLASS_BRAND)).toBe(false);
  });
});
