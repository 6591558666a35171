/**
 * What happens to an isolated plugin after its worker or child has ended (it
 * was stopped at its time limit, it exited, it crashed, it ran out of memory):
 *
 * - `'never'`: the plugin is disabled, with the reason on its record; the host
 *   goes on without it. For a plugin that has shown it cannot be trusted.
 * - `'on-next-call'`: the next call starts a new worker and loads the plugin
 *   again, then goes through. For a plugin whose failures are rare and whose
 *   state is cheap to rebuild.
 * - `{ backoffMs, maxRestarts }`: as on the next call, but the first restart
 *   waits at least `backoffMs` after the end, each following one twice as
 *   long (at most `maxBackoffMs`), and after `maxRestarts` restarts the plugin
 *   is disabled. A call that arrives early waits out the rest of the delay. For
 *   a plugin that may fail again and again: it costs the host a bounded number
 *   of restarts, spread out.
 *
 * Each restart is a line in the record's history.
 */
import { checkTimeLimit } from '@plugin-patterns/loader/invocation';

export type RestartPolicy =
  | 'never'
  | 'on-next-call'
  | {
      readonly backoffMs: number;
      readonly maxRestarts: number;
      /** Default: no cap below the doubling itself. */
      readonly maxBackoffMs?: number;
    };

/** What to do at the next call after the `restarts`-th end. */
export type RestartDecision =
  | { readonly restart: true; readonly waitMs: number; readonly of: number | undefined }
  | { readonly restart: false; readonly reason: string };

/** Refuses a policy no restart could follow, before any plugin runs under it. */
export function checkRestartPolicy(policy: RestartPolicy): void {
  if (policy === 'never' || policy === 'on-next-call') return;
  checkTimeLimit('restart.backoffMs', policy.backoffMs);
  if (policy.maxBackoffMs !== undefined)
    checkTimeLimit('restart.maxBackoffMs', policy.maxBackoffMs);
  if (!(Number.isInteger(policy.maxRestarts) && policy.maxRestarts >= 0)) {
    throw new RangeError(
      `restart.maxRestarts must be a whole number, 0 or more, not ${policy.maxRestarts}`,
    );
  }
}

/**
 * `restarts`: how many restarts were made so far. `sinceEndMs`: how long ago
 * the worker or child ended.
 */
export function decideRestart(
  policy: RestartPolicy,
  restarts: number,
  sinceEndMs: number,
): RestartDecision {
  if (policy === 'never') return { restart: false, reason: 'the restart policy is never' };
  if (policy === 'on-next-call') return { restart: true, waitMs: 0, of: undefined };
  if (restarts >= policy.maxRestarts) {
    return {
      restart: false,
      reason: `it was restarted ${restarts} times, the most its policy allows`,
    };
  }
  const delay = Math.min(
    policy.backoffMs * 2 ** restarts,
    policy.maxBackoffMs ?? Number.POSITIVE_INFINITY,
  );
  return { restart: true, waitMs: Math.max(0, delay - sinceEndMs), of: policy.maxRestarts };
}
