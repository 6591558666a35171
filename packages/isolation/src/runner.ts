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
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type PluginTimeoutError,
  PluginUnavailableError,
  type Stage,
} from '@plugin-patterns/loader';
import type { ImportWho } from '@plugin-patterns/loader/importing';
import type { IntegrationContext } from '@plugin-patterns/loader/integration';
import type { Channel, ChannelEnd } from './channel.ts';
import { endingFailure, stageFailure, timeoutFailure } from './failures.ts';
import { decideRestart, type RestartPolicy } from './restart-policy.ts';
import { errorFromWire, type FromPlugin, type PluginShape, type ToPlugin } from './wire.ts';

type PluginRecord = NonNullable<IntegrationContext['record']>;

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

/** A plugin held by this runner: what is needed to load it again after a restart. */
interface Held {
  readonly who: ImportWho;
  readonly url: string;
  readonly exportName: string;
  build?: { readonly construct: boolean; readonly args: readonly unknown[] };
  record?: PluginRecord | undefined;
}

interface Pending {
  readonly held: Held;
  readonly stage: Stage;
  readonly method: string | undefined;
  readonly timer: NodeJS.Timeout;
  /** Set when its time was up: the error it fails with once its worker or child has ended. */
  timedOut?: PluginTimeoutError;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class Runner {
  readonly #options: RunnerOptions;
  readonly #held = new Map<string, Held>();
  readonly #pending = new Map<number, Pending>();
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
    return this.#request(held, this.#importMessage(held), 'import').then(() => undefined);
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
    return this.#request(held, this.#buildMessage(held), 'integration') as Promise<PluginShape>;
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

  #importMessage(held: Held): ToPlugin {
    const { url, exportName } = held;
    return { kind: 'import', id: ++this.#nextId, name: held.who.name, url, exportName };
  }

  #buildMessage(held: Held): ToPlugin {
    const { construct, args } = held.build ?? { construct: false, args: [] };
    return { kind: 'build', id: ++this.#nextId, name: held.who.name, construct, args };
  }

  #request(held: Held, message: ToPlugin, stage: Stage, method?: string): Promise<unknown> {
    if (this.#retired !== undefined) {
      return Promise.reject(new PluginUnavailableError(this.#retired, held.who));
    }
    const channel = this.#channel ?? this.#startChannel();
    return new Promise((resolve, reject) => {
      const limit = stage === 'invocation' ? this.#options.timeoutMs : this.#options.loadTimeoutMs;
      const timer = setTimeout(() => this.#timedOut(message.id, limit), limit);
      this.#pending.set(message.id, { held, stage, method, timer, resolve, reject });
      try {
        channel.send(message);
      } catch (thrown) {
        // The host's own arguments could not be copied (a function, say): its mistake, not the plugin's.
        clearTimeout(timer);
        this.#pending.delete(message.id);
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
    const pending = this.#pending.get(message.id);
    if (pending === undefined || pending.timedOut !== undefined) return; // too late: dropped
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
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
    const pending = this.#pending.get(id);
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
    const failedNow = new Set<Held>();
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      failedNow.add(pending.held);
      pending.reject(
        pending.timedOut ?? this.#failed(pending.held, pending.stage, pending.method, cause),
      );
    }
    this.#pending.clear();
    if (this.#retired !== undefined) {
      this.#onClosed?.(); // closed by the host: nothing to record
      return;
    }
    const decision = decideRestart(this.#options.restart, this.#restarts, 0);
    const retired = decision.restart ? undefined : `${cause.message}; ${decision.reason}`;
    for (const held of this.#held.values()) {
      if (held.record === undefined) continue;
      if (!failedNow.has(held))
        held.record.fail(endingFailure(held.who, cause), this.#options.noun);
      if (retired !== undefined) held.record.disable('restart policy', retired, 'invocation');
    }
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
      await this.#request(held, this.#importMessage(held), 'import');
      await this.#request(held, this.#buildMessage(held), 'integration');
      held.record?.pass(
        'integration',
        'restart',
        `loaded again in a new ${this.#options.noun} (restart ${count}) after ${this.#lastEnd}`,
      );
    }
  }
}
