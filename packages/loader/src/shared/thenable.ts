/**
 * "Did the plugin answer with a promise?" — asked after every call, every
 * construction, every `setup(host)` and every self-check, by the loader and by
 * the pattern packages alike, so it is answered here once.
 *
 * The answer is `await`'s own: an object or a function with a `then` method
 * (a primitive is never awaited as a thenable, whatever its prototype holds).
 * Reading `then` can run the plugin's code (a getter) or throw (a revoked
 * proxy); callers that must blame the plugin for that wrap the call in a try.
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
  return isObject && typeof (value as { then?: unknown }).then === 'function';
}
