/**
 * The simplest use of the trace: record what ran and how long it took, and
 * read it afterwards (which plugin is slow, which stage failed). A monitor
 * keeps the latest `limit` steps, so a long-running host can leave one on.
 */
import { intercept, type StepEnd, type TracedStep, type TraceFilter } from './intercept.ts';

/** One finished step: who and what, with how it ended. */
export type MonitorRecord = TracedStep & StepEnd;

export interface MonitorOptions extends TraceFilter {
  /** How many records to keep, the latest ones. Default 1,000. */
  readonly limit?: number;
}

export interface Monitor {
  /** Finished steps, in the order they finished. */
  readonly records: readonly MonitorRecord[];
  /** Stops recording; the records stay. */
  stop(): void;
}

export function monitor(options: MonitorOptions = {}): Monitor {
  const limit = options.limit ?? 1000;
  if (!(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive whole number, not ${limit}`);
  }
  const records: MonitorRecord[] = [];
  const stop = intercept(
    {
      end(step, end) {
        records.push({ ...step, ...end });
        if (records.length > limit) records.shift();
      },
    },
    options,
  );
  return { records, stop };
}
