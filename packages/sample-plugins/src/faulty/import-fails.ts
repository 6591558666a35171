/**
 * Faulty on purpose: this module throws while it is being evaluated, before
 * it exports anything — the plugin that does real work at import time (reads
 * a config file, opens a connection) and fails there. A host must record it as
 * failed at the import stage, with this error as the cause, and carry on.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

// The mistake this plugin models: work done when the module is imported.
const calibration: number = loadCalibration();

export class ImportFailsPollster implements Pollster {
  readonly meters: readonly string[] = ['faulty.import'];

  poll(): Sample[] {
    return [];
  }

  get calibration(): number {
    return calibration;
  }
}

function loadCalibration(): number {
  throw new Error(
    'import-fails: the calibration table is missing (this module throws while it is imported, on purpose)',
  );
}
