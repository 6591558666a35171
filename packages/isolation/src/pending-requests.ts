/**
 * The requests a runner has sent to its worker thread or child process and
 * not yet heard back from, by message id. Each waits with a time limit, and
 * leaves the table in one of three ways: its answer comes (`take`), its
 * channel ends (`failAll`), or the host's own arguments could not be sent
 * (`withdraw`). A request whose time is up stays on the table, marked, until
 * its channel has ended, so that a late answer is dropped.
 *
 * Kept apart from the runner (`runner.ts`) because this is bookkeeping only:
 * it says which request an answer belongs to and keeps timers from leaking.
 * What an answer, a silence or an ending means for the plugin (its typed
 * error, its record, a restart) is the runner's to decide.
 */
import type { PluginTimeoutError, Stage } from '@plugin-patterns/loader';

/** One request waiting for its answer; `H` is what the runner knows of the plugin asked. */
export interface Pending<H> {
  readonly held: H;
  readonly stage: Stage;
  readonly method: string | undefined;
  readonly timer: NodeJS.Timeout;
  /** Set when its time was up: the error it fails with once its worker or child has ended. */
  timedOut?: PluginTimeoutError;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class PendingRequests<H> {
  readonly #byId = new Map<number, Pending<H>>();

  /** Registers request `id`, sent now; `onTimeUp` runs if no answer has come within `limitMs`. */
  add(id: number, request: Omit<Pending<H>, 'timer'>, limitMs: number, onTimeUp: () => void): void {
    const timer = setTimeout(onTimeUp, limitMs);
    this.#byId.set(id, { ...request, timer });
  }

  /** Takes request `id` off the table unanswered: it could not be sent. */
  withdraw(id: number): void {
    const pending = this.#byId.get(id);
    if (pending === undefined) return;
    clearTimeout(pending.timer);
    this.#byId.delete(id);
  }

  /**
   * The request an answer with `id` belongs to, taken off the table with its
   * timer stopped; undefined when none waits for it (its time was up: too late).
   */
  take(id: number): Pending<H> | undefined {
    const pending = this.#byId.get(id);
    if (pending === undefined || pending.timedOut !== undefined) return undefined;
    this.#byId.delete(id);
    clearTimeout(pending.timer);
    return pending;
  }

  /** Request `id` if it still waits (its time limit checks this: it may have been answered). */
  waiting(id: number): Pending<H> | undefined {
    return this.#byId.get(id);
  }

  /**
   * The channel has ended: every request still on the table is rejected with
   * `errorOf(request)` and the table emptied. Returns the plugins whose
   * requests failed here, whose records the failure has written on already.
   */
  failAll(errorOf: (pending: Pending<H>) => unknown): Set<H> {
    const failed = new Set<H>();
    for (const pending of this.#byId.values()) {
      clearTimeout(pending.timer);
      failed.add(pending.held);
      pending.reject(errorOf(pending));
    }
    this.#byId.clear();
    return failed;
  }
}
