/**
 * The host's side of one worker thread or child process: it holds the
 * plugins loaded there (one, or a whole namespace), sends each request as a
 * message, and turns every answer, silence and ending into a typed error
 * written on the plugin's record.
 *
 * - Every request has a time limit. A plugin that has not answered in time
 *   gets a PluginTimeoutError, and its worker or child is stopped: a loop
 *   that never gives its thread back ends there, since the host's own thread
 *   was never blocked.
 * - When the worker or child ends, for whatever reason (stopped, exit, crash,
 *   out of memory, an uncaught exception the plugin's side reported), each
 *   waiting request fails with a typed error saying so, and each plugin it
 *   held has the ending on its record.
 * - The restart policy (`restart-policy.ts`) then either disables the plugins
 *   it held, or lets the next call start a new one and load them again.
 *
 * The table of waiting requests is in `pending-requests.ts`, and what the
 * runner remembers of each plugin it holds in `held-plugin.ts`: this file is
 * the runner's decisions (when to start, stop and restart, what each answer
 * means).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PluginUnavailableError, type Stage } from '@plugin-patterns/loader';
import type { ImportWho } from '@plugin-patterns/loader/importing';
import type { Channel, ChannelEnd } from './channel.ts';
import { stageFailure, timeoutFailure } from './failures.ts';
import {
  buildMessage,
  type Held,
  importMessage,
  type PluginRecord,
  recordEnding,
} from './held-plugin.ts';
import { PendingRequests } from './pending-requests.ts';
import { decideRestart, type RestartPolicy } from './restart-policy.ts';
import { errorFromWire, type FromPlugin, type PluginShape, type ToPlugin } from './wire.ts';

export interface RunnerOptions {
  /** `worker thread` or `child process`: how records name the place. */
  readonly noun: string;
  readonly start: () => Channel;
  /** The time limit of one call. */
  readonly timeoutMs: number;
  /** The time limit of one import or build, start-up of the worker or child included. */
  readonly loadTimeoutMs: number;
  readonly restart: RestartPolicy;
}

export class Runner {
  readonly #options: RunnerOptions;
  readonly #held = new Map<string, Held>();
  readonly #pending = new PendingRequests<Held>();
  #nextId = 0;
  #channel: Channel | undefined;
  /** Why the host stopped the channel (a time limit), or what the plugin's side said before it went. */
  #ending: string | undefined;
  #endedAt = 0;
  #lastEnd = '';
  #restarts = 0;
  #restarting: Promise<void> | undefined;
  /** Set once the policy allows no more restarts, or the host closed it: why nothing runs here. */
  #retired: string | undefined;
  /** Resolves `close()` once the worker or child has ended. */
  #onClosed: (() => void) | undefined;

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  /** Imports the plugin's module in the worker or child (started on first use). */
  import(who: ImportWho, target: { url: string; exportName: string }): Promise<void> {
    const held: Held = { who, url: target.url, exportName: target.exportName };
    this.#held.set(who.name, held);
    return this.#request(held, importMessage(held, ++this.#nextId), 'import').then(() => undefined);
  }

  /** Builds the imported export there (as it is, or constructed) and says what it looks like. */
  build(
    name: string,
    build: { construct: boolean; args: readonly unknown[] },
    record: PluginRecord | undefined,
  ): Promise<PluginShape> {
    const held = this.#heldOf(name);
    held.build = build;
    held.record = record;
    const message = buildMessage(held, ++this.#nextId);
    return this.#request(held, message, 'integration') as Promise<PluginShape>;
  }

  /** One call: one message there, one back. */
  call(name: string, method: string, args: readonly unknown[]): Promise<unknown> {
    const held = this.#heldOf(name);
    const message = (): ToPlugin => ({ kind: 'call', id: ++this.#nextId, name, method, args });
    if (this.#channel !== undefined && this.#restarting === undefined) {
      return this.#request(held, message(), 'invocation', method);
    }
    if (this.#retired !== undefined) {
      return Promise.reject(new PluginUnavailableError(this.#retired, held.who));
    }
    return this.#restart().then(
      () => this.#request(held, message(), 'invocation', method),
      (cause: unknown) => Promise.reject(this.#failed(held, 'invocation', method, cause)),
    );
  }

  /** Stops the worker or child for good, and resolves once it has ended; waiting calls fail. */
  close(): Promise<void> {
    this.#retired = `its ${this.#options.noun} was closed by the host`;
    const channel = this.#channel;
    if (channel === undefined) return Promise.resolve();
    const ended = new Promise<void>((resolve) => {
      this.#onClosed = resolve;
    });
    channel.stop();
    return ended;
  }

  #heldOf(name: string): Held {
    const held = this.#held.get(name);
    if (held === undefined) throw new Error(`no plugin named "${name}" was imported here`);
    return held;
  }

  #request(held: Held, message: ToPlugin, stage: Stage, method?: string): Promise<unknown> {
    if (this.#retired !== undefined) {
      return Promise.reject(new PluginUnavailableError(this.#retired, held.who));
    }
    const channel = this.#channel ?? this.#startChannel();
    return new Promise((resolve, reject) => {
      const limit = stage === 'invocation' ? this.#options.timeoutMs : this.#options.loadTimeoutMs;
      const request = { held, stage, method, resolve, reject };
      this.#pending.add(message.id, request, limit, () => this.#timedOut(message.id, limit));
      try {
        channel.send(message);
      } catch (thrown) {
        // The host's own arguments could not be copied (a function, say): its mistake, not the plugin's.
        this.#pending.withdraw(message.id);
        reject(thrown);
      }
    });
  }

  #startChannel(): Channel {
    const channel = this.#options.start();
    this.#channel = channel;
    this.#ending = undefined;
    channel.onMessage((message) => this.#heard(message));
    channel.onEnd((end) => this.#ended(channel, end));
    return channel;
  }

  #heard(message: FromPlugin): void {
    if (message.kind === 'fault') {
      this.#ending ??= `stopped after an ${message.fault}: ${message.error.name}: ${message.error.message}`;
      return;
    }
    const pending = this.#pending.take(message.id);
    if (pending === undefined) return; // too late: dropped
    if (message.kind === 'threw') {
      pending.reject(
        this.#failed(pending.held, pending.stage, pending.method, errorFromWire(message.error)),
      );
    } else {
      pending.resolve(message.kind === 'built' ? message.shape : message.value);
    }
  }

  /**
   * The time limit: the plugin is blamed, and its worker or child is stopped.
   * The call fails once the worker or child has ended (`#ended`), so that by
   * the time the host hears of it, the record tells the whole story.
   */
  #timedOut(id: number, timeoutMs: number): void {
    const pending = this.#pending.waiting(id);
    if (pending === undefined) return;
    const { who, record } = pending.held;
    const error = timeoutFailure(who, pending.stage, pending.method, timeoutMs);
    if (pending.stage === 'invocation') record?.fail(error, 'time limit');
    const what = pending.method === undefined ? `its ${pending.stage}` : `${pending.method}()`;
    this.#ending = `was stopped: ${who.namespace}:${who.name} did not finish ${what} within ${timeoutMs} ms`;
    pending.timedOut = error;
    this.#channel?.stop();
  }

  /** The worker or child has ended: fail what waited, record the ending, apply the policy. */
  #ended(channel: Channel, end: ChannelEnd): void {
    if (this.#channel !== channel) return;
    this.#channel = undefined;
    this.#endedAt = Date.now();
    const cause = new Error(`its ${this.#options.noun} ${this.#ending ?? end.how}`);
    this.#lastEnd = cause.message;
    const failedNow = this.#pending.failAll(
      (pending) =>
        pending.timedOut ?? this.#failed(pending.held, pending.stage, pending.method, cause),
    );
    if (this.#retired !== undefined) {
      this.#onClosed?.(); // closed by the host: nothing to record
      return;
    }
    const decision = decideRestart(this.#options.restart, this.#restarts, 0);
    const retired = decision.restart ? undefined : `${cause.message}; ${decision.reason}`;
    recordEnding(this.#held.values(), failedNow, cause, retired, this.#options.noun);
    this.#retired = retired;
  }

  /**
   * Turns a failure into the stage's typed error (`failures.ts`). A failed
   * call is written on the plugin's record here, so that a host calling the
   * stand-in directly finds it there too; a failed load is written by the loader.
   */
  #failed(held: Held, stage: Stage, method: string | undefined, cause: unknown): unknown {
    const error = stageFailure(held.who, stage, method, cause, this.#options.noun);
    if (stage === 'invocation' && error !== cause) held.record?.fail(error, this.#options.noun);
    return error;
  }

  /** Starts a new worker or child (after the policy's wait) and loads every plugin again. */
  #restart(): Promise<void> {
    this.#restarting ??= this.#reload().finally(() => {
      this.#restarting = undefined;
    });
    return this.#restarting;
  }

  async #reload(): Promise<void> {
    const decision = decideRestart(
      this.#options.restart,
      this.#restarts,
      Date.now() - this.#endedAt,
    );
    if (!decision.restart) throw new Error(decision.reason);
    if (decision.waitMs > 0) await sleep(decision.waitMs);
    this.#restarts += 1;
    const count =
      decision.of === undefined ? `${this.#restarts}` : `${this.#restarts} of ${decision.of}`;
    for (const held of this.#held.values()) {
      await this.#request(held, importMessage(held, ++this.#nextId), 'import');
      await this.#request(held, buildMessage(held, ++this.#nextId), 'integration');
      held.record?.pass(
        'integration',
        'restart',
        `loaded again in a new ${this.#options.noun} (restart ${count}) after ${this.#lastEnd}`,
      );
    }
  }
}
