/**
 * A few polling cycles through the iterator: every enabled pollster is called
 * in turn each cycle, a short interval apart, and each cycle's samples are
 * kept as one batch for the storage. A pollster that throws or hangs is
 * contained by the iterator (collected as a failure, bounded by the time
 * limit) and the cycle goes on with the others.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IteratorManager } from '@plugin-patterns/iterator';
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';
import { callFailure } from './call-failure.ts';
import { pollChecked } from './sample-results.ts';
import type { CallFailure } from './tour-result.ts';

export interface PollCyclesOptions {
  readonly cycles: number;
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

export interface PolledCycles {
  /** One batch of samples per cycle. */
  readonly cycles: readonly Sample[][];
  readonly failures: readonly CallFailure[];
}

export async function pollCycles(
  pollsters: IteratorManager<Pollster>,
  options: PollCyclesOptions,
): Promise<PolledCycles> {
  const cycles: Sample[][] = [];
  const failures: CallFailure[] = [];
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    if (cycle > 0) await sleep(options.intervalMs);
    const result = await pollsters.map(pollChecked, {
      timeoutMs: options.timeoutMs,
      method: 'poll',
    });
    cycles.push(result.values.flat());
    for (const error of result.failures) failures.push(callFailure(error, '?'));
  }
  return { cycles, failures };
}
