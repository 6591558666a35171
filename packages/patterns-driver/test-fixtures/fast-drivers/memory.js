import { recordEvaluation } from '../record.js';

recordEvaluation('fast-drivers/memory');

/** A working driver: keeps what it is given, remembers every instance made. */
export class MemoryDriver {
  static instances = [];
  constructor(options) {
    this.options = options;
    this.samples = [];
    MemoryDriver.instances.push(this);
  }
  async write(samples) {
    this.samples.push(...samples);
  }
  async query() {
    return [...this.samples];
  }
  async close() {}
}
