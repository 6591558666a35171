/**
 * Faulty on purpose: every poll throws an Error. A host must report the call
 * as failed for this plugin and still run the others.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

export class ThrowsPollster implements Pollster {
  readonly meters: readonly string[] = ['faulty.throws'];

  poll(): Sample[] {
    throw new Error('throws: the sensor did not answer (this pollster always throws, on purpose)');
  }
}
