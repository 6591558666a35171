/**
 * The extension record: one discovered plugin, with where it came from, what
 * happened to it at each stage, and (once loaded) the object the host calls.
 *
 * This record is what makes "why is my plugin not running?" answerable: its
 * state says enabled, disabled (by which policy, why) or failed (at which
 * stage, with which error), and its history keeps every step that led there.
 */
import type { EntryPoint, PluginSource } from '../discovery/entry-point.ts';
import { PluginUnavailableError } from '../errors/kinds.ts';
import { describeThrown, isPluginError, PluginError } from '../errors/plugin-error.ts';
import type { Stage } from '../errors/stage.ts';
import type { ImportTarget } from '../shared/import-target.ts';
import { watchExits } from '../shared/plugin-at-work.ts';
import {
  disabledReason,
  type ExtensionReport,
  type ExtensionState,
  type HistoryEntry,
  reportOf,
} from './extension-report.ts';

const HISTORY_LIMIT = 50;
/** Every record starts enabled; states are replaced, never changed, so one object serves all. */
const ENABLED: ExtensionState = Object.freeze({ status: 'enabled' });

/** Runs import, integration and enforcement for one extension. Supplied by the extension set. */
export type LoadSteps<T> = (extension: Extension<T>) => Promise<T>;

export class Extension<T = unknown> {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  readonly source: PluginSource;
  readonly #entry: EntryPoint;
  // Held as a thunk, not as `LoadSteps<T>`: a field taking `Extension<T>` as a
  // parameter would make the class invariant in T, and an `Extension<Pollster>`
  // could then not be passed where an `Extension<unknown>` is expected.
  readonly #runLoadSteps: () => Promise<T>;
  #state: ExtensionState = ENABLED;
  readonly #history: HistoryEntry[] = [];
  #object: T | undefined;
  #loaded = false;
  #loading: Promise<T> | undefined;
  #lastError: PluginError | undefined;

  constructor(entry: EntryPoint, loadSteps: LoadSteps<T>) {
    this.namespace = entry.namespace;
    this.name = entry.name;
    this.reference = entry.reference;
    this.source = entry.source;
    this.#entry = entry;
    this.#runLoadSteps = () => loadSteps(this);
  }

  /**
   * An extension whose object the host already has: no discovery, no import.
   * This is the test seam: a host's tests hand in plugin objects directly.
   */
  static preloaded<T>(namespace: string, name: string, object: T): Extension<T> {
    const extension = new Extension<T>(
      {
        namespace,
        name,
        reference: `<object ${name}>`,
        source: { kind: 'object', via: 'in-memory' },
        target: { url: 'about:blank', exportName: name },
      },
      async () => object,
    );
    extension.#object = object;
    extension.#loaded = true;
    extension.#loading = Promise.resolve(object);
    extension.pass('integration', 'in-memory', 'handed in by the host');
    // Callable from now on: the guard notes it at work, for the exit listener to read.
    watchExits();
    return extension;
  }

  get state(): ExtensionState {
    return this.#state;
  }

  get history(): readonly HistoryEntry[] {
    return this.#history;
  }

  /** True when nothing has disabled the plugin and it has not failed. */
  get isEnabled(): boolean {
    return this.#state.status === 'enabled';
  }

  /** True once `load()` has produced the object, and the plugin is still enabled. */
  get isReady(): boolean {
    return this.#loaded && this.#state.status === 'enabled';
  }

  /** The object the host calls. Throws a typed error until the extension is loaded. */
  get object(): T {
    if (!this.#loaded) {
      throw this.#unavailable('it has not been loaded yet (call load() first)');
    }
    return this.#object as T;
  }

  /** Resolves the import target; deferred by some sources until it is needed. */
  get target(): ImportTarget {
    const target = this.#entry.target;
    return typeof target === 'function' ? target() : target;
  }

  /**
   * Imports, integrates and checks the plugin, once. Concurrent callers share
   * one attempt; a failure is recorded and every later call gets the same error
   * without importing again.
   */
  load(): Promise<T> {
    if (this.#loading !== undefined) return this.#loading;
    if (this.#state.status === 'failed') return Promise.reject(this.#state.error);
    if (this.#state.status === 'disabled') {
      return Promise.reject(this.#unavailable(disabledReason(this.#state)));
    }
    this.#loading = this.#runLoadSteps().then(
      (object) => {
        this.#object = object;
        this.#loaded = true;
        watchExits(); // as in `preloaded`; started already by a load through the loader's steps
        return object;
      },
      (thrown: unknown) => {
        const error = isPluginError(thrown)
          ? thrown
          : new PluginError(`failed while loading: ${describeThrown(thrown)}`, {
              namespace: this.namespace,
              name: this.name,
              stage: 'import',
              cause: thrown,
            });
        // A self-check that disabled the plugin is not a failure: keep "disabled".
        if (this.#state.status === 'enabled') this.fail(error);
        throw error;
      },
    );
    return this.#loading;
  }

  /** Records a step that went well. */
  pass(stage: Stage, by: string, detail: string): void {
    this.#push({ stage, by, outcome: 'passed', detail });
  }

  /**
   * Turns the plugin off, with the policy (or the plugin itself) to blame.
   * A disabled plugin is never called again; the first reason is kept.
   */
  disable(by: string, reason: string, stage: Stage = 'enabling'): void {
    this.#push({ stage, by, outcome: 'disabled', detail: reason });
    if (this.#state.status === 'enabled') {
      this.#state = { status: 'disabled', by, reason };
    }
  }

  /**
   * Records a failure. A failure while loading decides the state (the first
   * one wins). A failed call does not: one bad call is not a broken plugin, and
   * the host's error policy decides what happens next. It is kept as
   * `lastError` and in the history.
   */
  fail(error: PluginError, by: string = error.name): void {
    this.#lastError = error;
    this.#push({ stage: error.stage, by, outcome: 'failed', detail: error.detail });
    if (error.stage !== 'invocation' && this.#state.status !== 'failed') {
      this.#state = { status: 'failed', stage: error.stage, error };
    }
  }

  /** The most recent failure at any stage, including a failed call. */
  get lastError(): PluginError | undefined {
    return this.#lastError;
  }

  toJSON(): ExtensionReport {
    return reportOf(this, this.#loaded);
  }

  /**
   * A long-running host may see a plugin fail on every call. The history keeps
   * its loading story whole and only the latest call failures, so it cannot grow
   * without bound.
   */
  #push(entry: HistoryEntry): void {
    this.#history.push(entry);
    if (this.#history.length > HISTORY_LIMIT) {
      const oldestCall = this.#history.findIndex((e) => e.stage === 'invocation');
      this.#history.splice(oldestCall === -1 ? 0 : oldestCall, 1);
    }
  }

  #unavailable(reason: string): PluginUnavailableError {
    return new PluginUnavailableError(reason, { namespace: this.namespace, name: this.name });
  }
}
