// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/discovery: the rest of discovery, for a host that
// configures a source in detail or writes a source of its own. The four
// sources themselves are in the package's front door.

// What a source produces, and the declarations it refuses.

export type { DiscoveryProblem, DiscoveryReport, EntryPoint } from './entry-point.ts';

// Each source's options, and what a package scan tells about itself.

export type { CacheState } from './cache/cache.ts';
export type { DirectoryScanOptions } from './directory-scan.ts';
export type { FileListOptions, PluginFile } from './file-list.ts';
export {
  DEFAULT_FIELD,
  defaultCacheDir,
  type PackageScanOptions,
  type PackageScanSource,
  type ScanStats,
} from './package-scan.ts';
export type { DependencyField } from './package-walk.ts';
export type { ReferenceListOptions } from './reference-list.ts';

// The `entryPoints` field of a package.json, and the rules for the names in it.

export { MAX_NAME_LENGTH, namespaceProblem, pluginNameProblem } from './declared-names.ts';
export {
  type Declaration,
  type FieldIssue,
  type FieldReading,
  MAX_DECLARATIONS_PER_PACKAGE,
  readEntryPointField,
} from './entry-point-field.ts';

// The static manifest (discovery at build time): writing one. The source that
// reads it is `@plugin-patterns/loader/static-manifest`, kept apart so that a
// host that starts from a manifest imports nothing of the scan.
export {
  type RenderedManifest,
  renderStaticManifest,
  type WriteManifestOptions,
  writeStaticManifest,
} from './manifest-writer.ts';
export type {
  ManifestCheck,
  ManifestPackage,
  ManifestPlugin,
  ManifestProblem,
  StaticManifest,
  StaticManifestOptions,
  StaticManifestSource,
} from './static-manifest.ts';
