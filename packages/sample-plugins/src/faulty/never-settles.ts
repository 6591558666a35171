/**
 * Faulty on purpose: poll returns a promise that never settles, the plugin
 * that hangs on a dead connection. Only a host-side timeout gets past it.
 *
 * It holds no timer or handle, so it never keeps the process alive by itself:
 * a host that stops waiting for it can exit normally.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

export class NeverSettlesPollster implements Pollster {
  readonly meters: readonly string[] = ['faulty.hangs'];

  poll(): Promise<Sample[]> {
    return new Promise<Sample[]>(ignoreResolvers);
  }
}

/** Drops the resolvers: nothing can ever settle the promise. */
function ignoreResolvers(): void {}
