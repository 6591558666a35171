import { recordEvaluation } from '../record.js';

recordEvaluation('fast-drivers/grumpy');

/** Refuses to be constructed. */
export class GrumpyDriver {
  constructor() {
    throw new Error('grumpy driver: no URL I like');
  }
}
