/**
 * `cpu.util`: the share of time the processors were busy, in %.
 *
 * Utilisation is a rate, so it needs two readings of the processors' time
 * counters (`os.cpus()`): busy time over total time between them. Each poll
 * keeps its reading for the next. The first poll has no earlier reading, so
 * it reports an estimate from the 1-minute load average instead — run-queue
 * length per processor, capped at 100 % — which is the same order of
 * magnitude on a busy machine and is documented as an estimate, not hidden.
 *
 * Polling is sync: the counters are at hand, there is nothing to wait for.
 */
import { cpus, loadavg } from 'node:os';
import { type Availability, PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';
import { hostSample } from './host-sample.ts';

/** Where the pollster reads from; replaced in tests with fixed numbers. */
export interface CpuSource {
  cpus(): readonly { readonly times: CpuTimes }[];
  loadavg(): readonly number[];
}

export interface CpuTimes {
  readonly user: number;
  readonly nice: number;
  readonly sys: number;
  readonly idle: number;
  readonly irq: number;
}

interface Totals {
  readonly busy: number;
  readonly total: number;
}

export class CpuPollster extends PollsterBase {
  readonly meters: readonly string[] = ['cpu.util'];
  readonly #source: CpuSource;
  #previous: Totals | undefined;

  constructor(source: CpuSource = { cpus, loadavg }) {
    super();
    this.#source = source;
  }

  override checkAvailability(): Availability {
    return this.#source.cpus().length > 0
      ? { available: true }
      : { available: false, reason: 'os.cpus() lists no processors on this platform' };
  }

  poll(): Sample[] {
    const processors = this.#source.cpus();
    const now = totalsOf(processors.map((p) => p.times));
    const before = this.#previous;
    this.#previous = now;
    const percent =
      before !== undefined && now.total > before.total
        ? (100 * (now.busy - before.busy)) / (now.total - before.total)
        : this.#estimateFromLoad(processors.length);
    const volume = Math.round(Math.min(100, Math.max(0, percent)) * 100) / 100;
    return [hostSample({ meter: 'cpu.util', type: 'gauge', unit: '%', volume }, 'pollster:cpu')];
  }

  /** Load average per processor as a percentage: the first poll's estimate. */
  #estimateFromLoad(processors: number): number {
    const oneMinute = this.#source.loadavg()[0] ?? 0;
    return processors === 0 ? 0 : (100 * oneMinute) / processors;
  }
}

function totalsOf(times: readonly CpuTimes[]): Totals {
  let busy = 0;
  let total = 0;
  for (const t of times) {
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}
