/**
 * A few cycles of the iterator's poller: ceilometer's central loop, run for
 * a short while. Each cycle calls every enabled pollster in turn, checks each
 * answer's shape, and hands the cycle's samples to the sink (the storage
 * driver); the next cycle starts `intervalMs` after one ends. A pollster that
 * throws, hangs or answers nonsense is contained by the poller and reported;
 * the cycle goes on with the others.
 */
import type { IteratorManager, Sink } from '@plugin-patterns/iterator';
import { Poller } from '@plugin-patterns/iterator';
import { type Pollster, type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';
import { callFailure } from './call-failure.ts';
import type { CallFailure } from './tour-result.ts';

export interface PollCyclesOptions {
  readonly cycles: number;
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

export interface PolledCycles {
  readonly cycles: number;
  readonly samples: number;
  readonly failures: readonly CallFailure[];
}

export async function pollCycles(
  pollsters: IteratorManager<Pollster>,
  sink: Sink<Sample>,
  options: PollCyclesOptions,
): Promise<PolledCycles> {
  let cycles = 0;
  let samples = 0;
  const failures: CallFailure[] = [];
  let poller: Poller<Pollster, Sample> | undefined;
  await new Promise<void>((enough) => {
    poller = new Poller<Pollster, Sample>(pollsters, {
      sink,
      intervalMs: options.intervalMs,
      timeoutMs: options.timeoutMs,
      sampleProblems,
      onCycle: (report) => {
        cycles = report.cycle;
        samples += report.samples;
        for (const error of report.failures) failures.push(callFailure(error, '?'));
        if (report.sinkError !== undefined) failures.push(callFailure(report.sinkError, 'storage'));
        if (report.cycle >= options.cycles) enough();
      },
    });
    poller.start();
  });
  // Cancels the next cycle and flushes anything the storage has not taken yet.
  await poller?.stop();
  return { cycles, samples, failures };
}
