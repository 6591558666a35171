// @plugin-patterns/loader/invocation: what a manager (one of the three
// pattern packages, or a pattern of your own) is built from.

// Named first, as by the front door: an unsupported Node.js is named before anything runs.
import '../shared/check-node.ts';

// The set a manager runs, the integration it builds with, and the error it
// extends; also in the front door. A manager imports them from here so that
// a host that starts from a static manifest loads what it runs and nothing
// of the package scan, the cache or the other sources: a driver loaded from a
// manifest loads 48 modules instead of 77 (about 30% less time before the
// host's first line, in fresh processes on this project's loaded 2-core machine).
export { PluginError } from '../errors/plugin-error.ts';
export { ExtensionSet } from '../extension/extension-set.ts';
export { construct } from '../integration/construct.ts';

// The call guard: a plugin's failure becomes a typed error on its record.

// For a manager that calls plugins inline, without callPlugin: mark the call,
// so that a plugin ending the process from it is named (plugin-at-work.ts).
export { callEnded, callStarted } from '../shared/plugin-at-work.ts';
export { isThenable } from '../shared/thenable.ts';
export { checkTimeLimit } from '../shared/time-limit.ts';
export { checkResult } from './check-result.ts';
export {
  type CallOptions,
  callPlugin,
  invoke,
  type MethodArgs,
  type MethodName,
  type MethodResult,
} from './guard.ts';
export { callFailed } from './settle.ts';

// Wording every message shares: a value, a thrown thing, a type, a near miss.

export { describeThrown, type PluginErrorContext } from '../errors/plugin-error.ts';
export { STAGES } from '../errors/stage.ts';
export { closestName } from '../shared/closest-name.ts';
export { describeValue } from '../shared/describe-value.ts';
export { typeName } from '../shared/type-name.ts';
