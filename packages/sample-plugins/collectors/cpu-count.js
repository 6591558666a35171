/**
 * A collector for the directory scan: how many processors this machine
 * offers to Node (`os.availableParallelism`, which respects CPU affinity and
 * container limits where the platform reports them).
 *
 * @import { Pollster, Sample } from '@plugin-patterns/meter-contracts'
 */
import { availableParallelism, hostname } from 'node:os';

/** @implements {Pollster} */
export default class CpuCountCollector {
  /** @type {readonly string[]} */
  meters = ['cpu.count'];

  /** @returns {Sample[]} */
  poll() {
    return [
      {
        meter: 'cpu.count',
        type: 'gauge',
        unit: 'cpu',
        volume: availableParallelism(),
        resourceId: hostname(),
        projectId: null,
        timestamp: new Date().toISOString(),
        source: 'collector:cpu-count',
      },
    ];
  }
}
