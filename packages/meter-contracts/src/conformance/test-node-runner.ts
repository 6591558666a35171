/**
 * The conformance kit registered with node:test instead of vitest: run by
 * node-test-runner.test.ts in a child process (`node --test`), to prove the
 * kit depends on no particular test framework.
 */
import { describe, it } from 'node:test';
import { runStorageConformance } from './storage-conformance.ts';
import { ReferenceDriver, ReferenceStore } from './test-reference-driver.ts';

let store = new ReferenceStore();
const openNew = () => {
  store = new ReferenceStore();
  return new ReferenceDriver(store);
};
runStorageConformance(openNew, { describe, it }, { reopen: () => new ReferenceDriver(store) });
