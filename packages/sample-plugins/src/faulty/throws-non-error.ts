/**
 * Faulty on purpose: poll throws a string, not an Error, so there is no
 * message property and no stack. A host must still report something readable.
 * Well-formed otherwise (it extends PollsterBase): only the call shows it.
 */
import { PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';

export class ThrowsNonErrorPollster extends PollsterBase {
  readonly meters: readonly string[] = ['faulty.throws-string'];

  poll(): Sample[] {
    throw 'throws-non-error: sensor offline';
  }
}
