// @plugin-patterns/loader/invocation: what a manager (one of the three
// pattern packages, or a pattern of your own) is built from.

// Named first, as by the front door: an unsupported Node.js is named before anything runs.
import '../shared/check-node.ts';

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
// For a loop over many plugins (the iterator's runs): the same note, written
// once per plugin instead of marked around each call (plugin-at-work.ts).
export { atWorkNote } from '../shared/plugin-at-work.ts';
export { typeName } from '../shared/type-name.ts';
