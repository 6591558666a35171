/**
 * The dedicated fuzz run over hostile package.json manifests and host
 * configuration: the same properties as the loader's test suite
 * (`packages/loader/test/properties/`), with 10,000 generated cases each
 * instead of a few hundred. Run from the repository root:
 *
 *   node --conditions=@plugin-patterns/source scripts/fuzz-manifests.ts [runs] [seed]
 *
 * It prints one line per property and exits 1 if any property failed, after
 * printing fast-check's counterexample and the seed that replays it.
 */
import {
  type ManifestLab,
  makeManifestLab,
} from '../packages/loader/test/properties/manifest-lab.ts';
import { MANIFEST_PROPERTIES } from '../packages/loader/test/properties/manifest-properties.ts';

const numRuns = Number(process.argv[2] ?? 10_000);
const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
if (!Number.isInteger(numRuns) || numRuns < 1 || !Number.isInteger(seed)) {
  console.error('usage: fuzz-manifests.ts [runs ≥ 1] [integer seed]');
  process.exit(2);
}

console.log(`fuzzing manifests: ${numRuns} cases per property, seed ${seed}`);
const lab: ManifestLab = makeManifestLab();
let failed = 0;
try {
  for (const property of MANIFEST_PROPERTIES) {
    const started = performance.now();
    try {
      await property.run(lab, { numRuns, seed });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`ok    ${property.name} (${numRuns} cases, ${seconds} s)`);
    } catch (error) {
      failed++;
      console.log(`FAIL  ${property.name}`);
      console.log(error instanceof Error ? error.message : String(error));
    }
  }
} finally {
  lab.remove();
}
console.log(failed === 0 ? 'all properties held' : `${failed} properties failed`);
process.exitCode = failed === 0 ? 0 : 1;
