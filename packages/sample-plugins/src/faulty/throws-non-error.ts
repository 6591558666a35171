/**
 * Faulty on purpose: poll throws a string, not an Error, so there is no
 * message property and no stack. A host must still report something readable.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

export class ThrowsNonErrorPollster implements Pollster {
  readonly meters: readonly string[] = ['faulty.throws-string'];

  poll(): Sample[] {
    throw 'throws-non-error: sensor offline';
  }
}
