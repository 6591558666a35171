/**
 * The machine a run was taken on. Absolute figures mean little without it;
 * the load average says whether other work shared the cores (ratios stand up
 * to that far better than absolute times, which is why every row has one).
 */
import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  /** Logical cores Node can use. */
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the run started and when it ended. */
  readonly load: { readonly start: number; readonly end: number };
}

export function describeMachine(loadAtStart: number): Machine {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return {
    cpu: model.replace(/\s+/g, ' '),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    load: { start: loadAtStart, end: oneMinuteLoad() },
  };
}

export function oneMinuteLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
