/**
 * A collector for the directory scan: the 1, 5 and 15-minute load averages.
 *
 * Collectors are plain JavaScript with JSDoc types, not TypeScript: a host
 * may scan this folder inside node_modules, where Node does not strip types.
 * One default-exported class per file is the whole convention.
 *
 * @import { Pollster, Sample } from '@plugin-patterns/meter-contracts'
 */
import { hostname, loadavg } from 'node:os';

/** @implements {Pollster} */
export default class LoadAverageCollector {
  /** @type {readonly string[]} */
  meters = ['load.1m', 'load.5m', 'load.15m'];

  /** @returns {Sample[]} */
  poll() {
    const timestamp = new Date().toISOString();
    return loadavg().map((volume, index) => ({
      meter: this.meters[index] ?? 'load',
      type: 'gauge',
      unit: 'process',
      volume,
      resourceId: hostname(),
      projectId: null,
      timestamp,
      source: 'collector:load-average',
    }));
  }
}
