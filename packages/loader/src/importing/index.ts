// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/importing: how a declared reference becomes code.
// An extension set imports by itself; these parts are for a host that checks
// references on its own (a CLI, a linter) or replaces the import (tests).

// The reference grammar (`MODULE:EXPORT`), and its resolution through the
// package's own `exports`, refused when it leaves the package.

export type { ImportTarget } from '../shared/import-target.ts';
export {
  type ParsedReference,
  type ParseResult,
  parsePackageReference,
  parseSpecifierReference,
} from '../shared/reference.ts';
export {
  isInside,
  type PackageModule,
  type ResolveResult,
  resolvePackageModule,
} from '../shared/resolve.ts';

// Where `import 'name'` finds a package (Node's own answer, or the same answer on Bun).

export { findPackageManifest } from '../discovery/find-package-manifest.ts';

// The one `import()`, and the shape of a replacement (`ExtensionSetOptions.importer`).

export { type Importer, type ImportWho, importExport } from './importer.ts';
