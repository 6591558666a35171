import { recordEvaluation } from '../record.js';

recordEvaluation('fast-drivers/offline');

/** Its store is never reachable here: it says so when asked. */
export class OfflineDriver {
  async checkAvailability() {
    return { available: false, reason: 'the store at offline: is not reachable' };
  }
  async write() {}
  async query() {
    return [];
  }
  async close() {}
}
