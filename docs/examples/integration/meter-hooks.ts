// The host's hook API for coarse-grained plugins: each hook's name and the
// signature its functions must have. A real host publishes this in its
// contracts package, so that plugins can type their `setup(host)` against it.
import type { Sample } from '@plugin-patterns/meter-contracts';

export interface MeterHooks {
  /** Called for every sample the host receives, before it is stored. */
  'sample.received': (sample: Sample) => void;
  /** Called once when the host stops. */
  shutdown: () => void;
}

export const METER_HOOKS: readonly (keyof MeterHooks)[] = ['sample.received', 'shutdown'];
