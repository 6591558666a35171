/**
 * Faulty on purpose: poll returns an object that is not Sample[] —
 * `{ volume: 'high' }` — the plugin whose author misread the API. Its type
 * says Sample[] (as a JavaScript plugin's would, or a cast): only a host that
 * checks what comes back catches it, before it reaches the storage.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

export class WrongShapePollster implements Pollster {
  readonly meters: readonly string[] = ['faulty.shape'];

  poll(): Sample[] {
    return { volume: 'high' } as unknown as Sample[];
  }
}
