/**
 * Parallel's time limit, charged to the plugin that held the time.
 *
 * Plugins called at once share one thread. A plugin that computes for 600 ms
 * without yielding holds that thread: no timer fires and no file read is
 * delivered until it lets go. A plain timer per plugin then blames the wrong
 * one: the honest plugin whose read was ready all along finds its timer run
 * out the moment the thread is free, while the plugin that held it answers
 * and is cleared. So, under a time limit:
 *
 * - a call that itself runs longer than the limit is that plugin's timeout,
 *   whatever it answers (`checkCallTime`);
 * - an answer that arrives after the plugin's time is up is that plugin's
 *   timeout, even when its timer had no chance to fire: its own code ran
 *   until then (`settleWithin`);
 * - either way, the time such a plugin held the thread is not charged to the
 *   others: a plugin still waiting gets its full limit again from the moment
 *   the thread was given back.
 *
 * What this cannot see: a plugin that holds the thread and then waits again
 * before it answers lets go unseen, and the wait that follows is its own.
 * Nothing in-process can interrupt a plugin that never lets go; that takes
 * a worker thread or a child process (see docs/security.md).
 */
import { type Extension, PluginTimeoutError } from '@plugin-patterns/loader';
import { callFailed } from '@plugin-patterns/loader/invocation';
import type { RunPolicy } from './error-policy.ts';

// The thread is one for the whole process, so this is one record for every
// run: when a plugin last gave the thread back after holding it past its limit.
let heldUntil = Number.NEGATIVE_INFINITY;

/**
 * After a call that started at `calledAt`: throws the plugin's timeout if the
 * call alone took longer than `limitMs`. Its answer is dropped then; a
 * promised one is left to settle unheard.
 */
export function checkCallTime<T>(
  extension: Extension<T>,
  calledAt: number,
  limitMs: number,
  policy: RunPolicy,
  answer: unknown,
  promised: boolean,
): void {
  const now = Date.now();
  if (now - calledAt <= limitMs) return;
  heldUntil = now;
  if (promised) Promise.resolve(answer).then(undefined, () => {});
  throw timedOut(extension, limitMs, policy);
}

/**
 * Waits for a promised answer for at most `limitMs` of the plugin's own time.
 * A rejection becomes the plugin's PluginCallError; running out of time, its
 * PluginTimeoutError. Both are recorded on its extension.
 */
export function settleWithin<T>(
  extension: Extension<T>,
  answer: PromiseLike<unknown>,
  limitMs: number,
  policy: RunPolicy,
): Promise<unknown> {
  const arrivedAt = Date.now();
  // The clock restarts when another plugin gives back a thread it held too long.
  const deadline = () => Math.max(arrivedAt, heldUntil) + limitMs;
  return new Promise((resolve, reject) => {
    let decided = false;
    const check = () => {
      const left = deadline() - Date.now();
      if (left > 0) {
        timer = setTimeout(check, left);
        return;
      }
      decided = true;
      reject(timedOut(extension, limitMs, policy));
    };
    let timer = setTimeout(check, limitMs);
    Promise.resolve(answer).then(
      (value) => {
        if (decided) return; // a late answer, after the timeout: ignored
        decided = true;
        clearTimeout(timer);
        const now = Date.now();
        if (now <= deadline()) {
          resolve(value);
          return;
        }
        // Its time ran out before it answered, and its timer never fired: its
        // own code held the thread until now.
        heldUntil = now;
        reject(timedOut(extension, limitMs, policy));
      },
      (thrown: unknown) => {
        if (decided) return;
        decided = true;
        clearTimeout(timer);
        reject(callFailed(extension, thrown, policy.guard.method));
      },
    );
  });
}

function timedOut<T>(
  extension: Extension<T>,
  limitMs: number,
  policy: RunPolicy,
): PluginTimeoutError {
  const method = policy.guard.method;
  const who = { namespace: extension.namespace, name: extension.name };
  const error = new PluginTimeoutError(limitMs, method === undefined ? who : { ...who, method });
  extension.fail(error);
  return error;
}
