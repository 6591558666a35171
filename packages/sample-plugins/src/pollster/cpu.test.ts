import { hostname } from 'node:os';
import { isSample } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { CpuPollster, type CpuSource, type CpuTimes } from './cpu.ts';

/** A machine whose counters are set by the test, one reading per poll. */
function machine(readings: CpuTimes[][], load = [1, 1, 1]): CpuSource {
  let next = 0;
  return {
    cpus: () => (readings[Math.min(next++, readings.length - 1)] ?? []).map((times) => ({ times })),
    loadavg: () => load,
  };
}
const times = (busy: number, idle: number): CpuTimes => ({
  user: busy,
  nice: 0,
  sys: 0,
  irq: 0,
  idle,
});
const volumeOf = (pollster: CpuPollster) => pollster.poll()[0]?.volume;

describe('CpuPollster, first poll', () => {
  it('estimates from the load average per processor, as documented', () => {
    const four = [times(0, 0), times(0, 0), times(0, 0), times(0, 0)];
    expect(volumeOf(new CpuPollster(machine([four], [1, 0, 0])))).toBe(25);
  });

  it('caps the estimate at 100 %', () => {
    expect(volumeOf(new CpuPollster(machine([[times(0, 0)]], [3, 0, 0])))).toBe(100);
  });
});

describe('CpuPollster, later polls', () => {
  it('report busy time over total time between two readings', () => {
    const pollster = new CpuPollster(
      machine([
        [times(100, 100), times(100, 100)],
        [times(250, 150), times(250, 150)],
      ]),
    );
    pollster.poll();
    expect(volumeOf(pollster)).toBe(75);
  });

  it('fall back to the estimate when no time passed between readings', () => {
    const same = [times(100, 100)];
    const pollster = new CpuPollster(machine([same, same], [0.5, 0, 0]));
    pollster.poll();
    expect(volumeOf(pollster)).toBe(50);
  });
});

describe('CpuPollster on this machine', () => {
  it('is available and polls synchronously, a valid sample about this host', () => {
    const pollster = new CpuPollster();
    expect(pollster.checkAvailability()).toEqual({ available: true });
    const samples = pollster.poll();
    expect(Array.isArray(samples)).toBe(true);
    expect(samples).toHaveLength(1);
    expect(isSample(samples[0])).toBe(true);
    expect(samples[0]).toMatchObject({
      meter: 'cpu.util',
      unit: '%',
      resourceId: hostname(),
      projectId: null,
    });
  });

  it('says it cannot run where no processors are listed', () => {
    expect(new CpuPollster(machine([[]])).checkAvailability()).toEqual({
      available: false,
      reason: 'os.cpus() lists no processors on this platform',
    });
  });
});
