import { recordEvaluation } from '../record.js';

recordEvaluation('fast-drivers/shapeless');

/** Constructs fine, but has none of a storage driver's methods. */
export class ShapelessDriver {
  constructor(options) {
    this.options = options;
  }
}
