import { recordEvaluation } from '../record.js';

recordEvaluation('rival-drivers/memory');

export class MemoryDriver {
  async write() {}
  async query() {
    return [];
  }
  async close() {}
}
