import { recordEvaluation } from '../record.js';

recordEvaluation('rival-drivers/sqlite');

export class SqliteDriver {
  constructor(options) {
    this.options = options;
  }
  async write() {}
  async query() {
    return [];
  }
  async close() {}
}
