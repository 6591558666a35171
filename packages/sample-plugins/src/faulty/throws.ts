/**
 * Faulty on purpose: every poll throws an Error. A host must report the call
 * as failed for this plugin and still run the others. It is well-formed (it
 * extends the host's PollsterBase and implements every member), so no check
 * made at load time can tell: only the call shows the fault.
 */
import { PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';

export class ThrowsPollster extends PollsterBase {
  readonly meters: readonly string[] = ['faulty.throws'];

  poll(): Sample[] {
    throw new Error('throws: the sensor did not answer (this pollster always throws, on purpose)');
  }
}
