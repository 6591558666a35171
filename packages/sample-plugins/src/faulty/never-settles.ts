/**
 * Faulty on purpose: poll returns a promise that never settles, the plugin
 * that hangs on a dead connection. Only a host-side timeout gets past it:
 * the class is well-formed (it extends PollsterBase and implements every
 * member), so every check made at load time accepts it.
 *
 * It holds no timer or handle, so it never keeps the process alive by itself:
 * a host that stops waiting for it can exit normally.
 */
import { PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';

export class NeverSettlesPollster extends PollsterBase {
  readonly meters: readonly string[] = ['faulty.hangs'];

  poll(): Promise<Sample[]> {
    return new Promise<Sample[]>(ignoreResolvers);
  }
}

/** Drops the resolvers: nothing can ever settle the promise. */
function ignoreResolvers(): void {}
