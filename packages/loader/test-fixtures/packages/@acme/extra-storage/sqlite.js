export class SqliteStorage {
  constructor(options = {}) {
    this.url = options.url;
  }

  write() {}

  query() {
    return [];
  }

  close() {}
}
