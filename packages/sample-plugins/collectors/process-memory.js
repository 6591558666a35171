/**
 * A collector for the directory scan: the resident memory of the host
 * process itself, the one reading a host can always take about itself.
 *
 * @import { Pollster, Sample } from '@plugin-patterns/meter-contracts'
 */
import { hostname } from 'node:os';

/** @implements {Pollster} */
export default class ProcessMemoryCollector {
  /** @type {readonly string[]} */
  meters = ['process.memory.rss'];

  /** @returns {Sample[]} */
  poll() {
    return [
      {
        meter: 'process.memory.rss',
        type: 'gauge',
        unit: 'B',
        volume: process.memoryUsage.rss(),
        resourceId: `${hostname()}:${process.pid}`,
        projectId: null,
        timestamp: new Date().toISOString(),
        source: 'collector:process-memory',
      },
    ];
  }
}
