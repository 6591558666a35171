// First, so that an unsupported Node.js is named before anything else runs.
import './shared/check-node.ts';

export type {
  DeclaringPackage,
  EntryPointCheckOptions,
} from './conformance/check-entry-point.ts';
export {
  assertPluginPackage,
  type CheckPluginPackageOptions,
  checkPluginPackage,
} from './conformance/check-plugin-package.ts';
export {
  type ConformanceCheck,
  type ConformanceCheckName,
  type EntryPointConformance,
  type PackageConformance,
  PluginConformanceError,
} from './conformance/conformance-report.ts';
export type { CacheState } from './discovery/cache/cache.ts';
export {
  MAX_NAME_LENGTH,
  namespaceProblem,
  pluginNameProblem,
} from './discovery/declared-names.ts';
export { type DirectoryScanOptions, directoryScan } from './discovery/directory-scan.ts';
export type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
  PluginSource,
} from './discovery/entry-point.ts';
export {
  type Declaration,
  type FieldIssue,
  type FieldReading,
  MAX_DECLARATIONS_PER_PACKAGE,
  readEntryPointField,
} from './discovery/entry-point-field.ts';
export { type FileListOptions, fileList, type PluginFile } from './discovery/file-list.ts';
export type { DependencyField } from './discovery/installed-packages.ts';
export {
  DEFAULT_FIELD,
  defaultCacheDir,
  type PackageScanOptions,
  type PackageScanSource,
  packageScan,
  type ScanStats,
} from './discovery/package-scan.ts';
export { type ReferenceListOptions, referenceList } from './discovery/reference-list.ts';
export { allInstalled } from './enabling/all-installed.ts';
export { type AllowListOptions, allowList } from './enabling/allow-list.ts';
export { type DenyListOptions, denyList } from './enabling/deny-list.ts';
export type { Availability, EnablingPolicy, PolicyVerdict } from './enabling/policy.ts';
export { type EntryPredicate, predicate } from './enabling/predicate.ts';
export { type SelfCheckOptions, selfCheck } from './enabling/self-check.ts';
export {
  type AbstractClassOptions,
  type AbstractConstructor,
  abstractClass,
} from './enforcement/abstract-class.ts';
export type {
  Contract,
  ContractResult,
  ContractType,
  SyncContract,
} from './enforcement/contract.ts';
export {
  type ConventionOptions,
  convention,
  type MemberKind,
  type MemberRule,
  type MemberRules,
} from './enforcement/convention.ts';
export { type StandardSchemaOptions, standardSchema } from './enforcement/standard-schema.ts';
export {
  AmbiguousPluginError,
  type ContractIssue,
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
export { describeThrown, PluginError, type PluginErrorContext } from './errors/plugin-error.ts';
export { STAGES, type Stage } from './errors/stage.ts';
export type { UnmatchedName } from './extension/apply-policies.ts';
export {
  type Claimant,
  distinctClaimants,
  setAsideRepeats,
  withoutRepeats,
} from './extension/claimants.ts';
export { Extension, type LoadSteps } from './extension/extension.ts';
export {
  describeSource,
  disabledReason,
  type ExtensionReport,
  type ExtensionState,
  type HistoryEntry,
} from './extension/extension-report.ts';
export { ExtensionSet, type ExtensionSetOptions } from './extension/extension-set.ts';
export { type Importer, type ImportWho, importExport } from './importing/importer.ts';
export { asIs } from './integration/as-is.ts';
export { type ConstructOptions, construct } from './integration/construct.ts';
export {
  createHookRegistry,
  type HookFn,
  type HookHost,
  type HookRegistry,
  type HookRegistryOptions,
  type HookSession,
  type Registration,
} from './integration/hook-registry.ts';
export type { Integration, IntegrationContext } from './integration/integration.ts';
export { type SetupOptions, type SetupPlugin, setup } from './integration/setup.ts';
export { checkResult } from './invocation/check-result.ts';
export {
  type CallOptions,
  callPlugin,
  invoke,
  type MethodArgs,
  type MethodName,
  type MethodResult,
} from './invocation/guard.ts';
export { callFailed } from './invocation/settle.ts';
export {
  defineNamespace,
  type Namespace,
  type NamespaceOptions,
  type PluginOf,
} from './namespace.ts';
export { closestName } from './shared/closest-name.ts';
export { describeValue } from './shared/describe-value.ts';
export type { ImportTarget } from './shared/import-target.ts';
export {
  type ParsedReference,
  type ParseResult,
  parsePackageReference,
  parseSpecifierReference,
} from './shared/reference.ts';
export {
  isInside,
  type PackageModule,
  type ResolveResult,
  resolvePackageModule,
} from './shared/resolve.ts';
export { isThenable } from './shared/thenable.ts';
export { checkTimeLimit } from './shared/time-limit.ts';
export { typeName } from './shared/type-name.ts';
