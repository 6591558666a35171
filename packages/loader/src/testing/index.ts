// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/testing: fakes for a host's own tests. Plugins
// served from memory, so a test of a manager needs no installed package.
// (`ExtensionSet.fromObjects` is the other seam: a set of objects, already loaded.)
export {
  BrokenModule,
  FAKE_SOURCE,
  type FakeImporter,
  fakeEntries,
  fakeEntry,
  fakeImporter,
  fakeProblem,
  fakeSource,
} from './fakes.ts';
