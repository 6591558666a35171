// A storage plugin for the discovery tests. Each evaluation of this module is
// counted, so a test can prove that discovery imports nothing and that loading
// imports once.
globalThis.meterPluginsEvaluations = (globalThis.meterPluginsEvaluations ?? 0) + 1;

export class MemoryStorage {
  constructor(options = {}) {
    this.url = options.url;
    this.samples = [];
  }

  write(batch) {
    this.samples.push(...batch);
  }

  query() {
    return [...this.samples];
  }

  close() {}
}
