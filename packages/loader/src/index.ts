// First, so that an unsupported Node.js is named before anything else runs.
import './shared/check-node.ts';

// @plugin-patterns/loader: what a host and a plugin author use, stage by
// stage. The rest (each stage's options and building blocks, the helpers the
// pattern packages share, the plugin author's kit, fakes for tests) is behind
// a subpath named after it; the README's API table lists them.

// The plugins of one namespace: found and enabled at once, each imported on
// first use, every one with a record of why it runs or does not.

export { Extension } from './extension/extension.ts';
export type { ExtensionReport } from './extension/extension-report.ts';
export { ExtensionSet, type ExtensionSetOptions } from './extension/extension-set.ts';
export { defineNamespace, type Namespace } from './namespace.ts';

// Discovery: where plugins are declared. Options and parts: `/discovery`.

export { directoryScan } from './discovery/directory-scan.ts';
export type { DiscoverySource, PluginSource } from './discovery/entry-point.ts';
export { fileList } from './discovery/file-list.ts';
export { packageScan } from './discovery/package-scan.ts';
export { referenceList } from './discovery/reference-list.ts';

// Enabling: which of them run. Options and verdicts: `/enabling`.

export { allInstalled } from './enabling/all-installed.ts';
export { allowList } from './enabling/allow-list.ts';
export { denyList } from './enabling/deny-list.ts';
export type { EnablingPolicy } from './enabling/policy.ts';
export { predicate } from './enabling/predicate.ts';
export { selfCheck } from './enabling/self-check.ts';

// Importing is the set's own work (Node's `import()`, once per plugin); the
// reference grammar, resolution and the importer are in `/importing`.

// Integration: how an export becomes the object the host calls. Options and
// the hook registry: `/integration`.

export { asIs } from './integration/as-is.ts';
export { construct } from './integration/construct.ts';
export type { Integration } from './integration/integration.ts';
export { setup } from './integration/setup.ts';

// Enforcement: what that object must provide. Options: `/enforcement`.

export { abstractClass } from './enforcement/abstract-class.ts';
export type { Contract } from './enforcement/contract.ts';
export { convention } from './enforcement/convention.ts';
export { standardSchema } from './enforcement/standard-schema.ts';

// Errors: every failure is a PluginError naming the namespace, the plugin and
// the stage, one class per kind of failure.

export {
  AmbiguousPluginError,
  ContractViolationError,
  DiscoveryError,
  NoMatchingPluginError,
  PluginCallError,
  PluginImportError,
  PluginIntegrationError,
  PluginResultError,
  PluginTimeoutError,
  PluginUnavailableError,
  ReferenceEscapeError,
} from './errors/kinds.ts';
export { PluginError } from './errors/plugin-error.ts';
export type { Stage } from './errors/stage.ts';
