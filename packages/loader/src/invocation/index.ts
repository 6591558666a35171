// @plugin-patterns/loader/invocation: what a manager (one of the three
// pattern packages, or a pattern of your own) is built from.

// The call guard: a plugin's failure becomes a typed error on its record.

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
