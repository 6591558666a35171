// A class plugin built with the host's arguments, with data members the host
// reads from its stand-in and an answer that cannot be copied to the host.
export class Counter {
  unit = 'calls';
  #count;
  constructor(options) {
    this.#count = options.start;
  }
  next() {
    this.#count += 1;
    return this.#count;
  }
  handle() {
    return () => 'a function stays on its side';
  }
}
