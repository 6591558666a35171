// What a package may write as an import reference in its `entryPoints`, and
// what is refused before anything is resolved: every reference stays inside
// the package that declares it.
import { parsePackageReference } from '@plugin-patterns/loader/importing';

const references = [
  './storage/memory:MemoryStorage',
  '.:UptimePollster',
  './pollster/cpu',
  '../other-package/src/index.js:steal',
  './a/../../escape:x',
  '/etc/passwd',
  'C:/Windows/evil.js',
  'file:///tmp/evil.js:default',
  'node:child_process:exec',
  'lodash:merge',
  './node_modules/lodash:merge',
  './storage/memory:Memory Storage',
];

for (const reference of references) {
  const parsed = parsePackageReference(reference);
  const verdict = parsed.ok
    ? `ok: module ${parsed.reference.module}, export ${parsed.reference.exportName}`
    : `refused: ${parsed.why}`;
  console.log(`${reference.padEnd(36)} ${verdict}`);
}
