export class GoodStorage {
  write() {}

  query() {
    return [];
  }

  close() {}
}
