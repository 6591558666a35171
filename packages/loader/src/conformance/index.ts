// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/conformance: the plugin author's kit. A plugin
// package checks itself as a host would load it, in its own tests.
export type { DeclaringPackage, EntryPointCheckOptions } from './check-entry-point.ts';
export {
  assertPluginPackage,
  type CheckPluginPackageOptions,
  checkPluginPackage,
} from './check-plugin-package.ts';
export {
  type ConformanceCheck,
  type ConformanceCheckName,
  type EntryPointConformance,
  type PackageConformance,
  PluginConformanceError,
} from './conformance-report.ts';
