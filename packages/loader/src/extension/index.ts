// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/extension: the details of an extension record, for
// a host that reads its state and history (a CLI, a status page), and the
// options of a namespace.

export type { NamespaceOptions, PluginOf } from '../namespace.ts';
export type { UnmatchedName } from './apply-policies.ts';
export type { LoadSteps } from './extension.ts';
export {
  describeSource,
  disabledReason,
  type ExtensionState,
  type HistoryEntry,
} from './extension-report.ts';
