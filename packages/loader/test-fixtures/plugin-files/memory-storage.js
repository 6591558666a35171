export class MemoryStorage {
  write() {}

  query() {
    return [];
  }

  close() {}
}

export default MemoryStorage;
