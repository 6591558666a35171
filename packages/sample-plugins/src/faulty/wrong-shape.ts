/**
 * Faulty on purpose: poll returns an object that is not Sample[] —
 * `{ volume: 'high' }` — the plugin whose author misread the API. Its type
 * says Sample[] (as a JavaScript plugin's would, or a cast): only a host that
 * checks what comes back catches it, before it reaches the storage. The class
 * itself is well-formed (it extends PollsterBase), so load-time checks pass it.
 */
import { PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';

export class WrongShapePollster extends PollsterBase {
  readonly meters: readonly string[] = ['faulty.shape'];

  poll(): Sample[] {
    return { volume: 'high' } as unknown as Sample[];
  }
}
