/**
 * Map: call every plugin and keep every answer (ceilometer asking each
 * pollster for its samples, a linter running every rule). Answers come back
 * in call order, each beside the extension that gave it, so a host can blame
 * or credit a plugin by name; failures are kept apart, one typed error each.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import type { Mode } from './engine.ts';

/** How the host calls one plugin, e.g. `(pollster) => pollster.poll()`. */
export type PluginCall<T, R> = (plugin: T) => R;

export interface MapResult<T, R> {
  /** One answer per plugin that answered, in call order. */
  readonly values: R[];
  /** The plugin each answer came from: `values[i]` came from `from[i]`. */
  readonly from: readonly Extension<T>[];
  /** One typed error per plugin that failed, in call order; each names its plugin. */
  readonly failures: PluginError[];
}

/** Keeps every answer; never stops early. */
export class MapMode<T, R> implements Mode<T, MapResult<T, R>> {
  readonly call: PluginCall<T, unknown>;
  readonly #called: readonly Extension<T>[];
  readonly #values: R[] = [];
  // Made on the first failure: a run where nothing fails allocates only `values`.
  #failures: PluginError[] | undefined;
  #failed: Extension<T>[] | undefined;

  /** `called`: the plan's plugins, in order; `from` is read off it at the end. */
  constructor(called: readonly Extension<T>[], call: PluginCall<T, unknown>) {
    this.#called = called;
    this.call = call;
  }

  take(value: unknown): boolean {
    this.#values.push(value as R);
    return false;
  }

  failed(error: PluginError, extension: Extension<T>): void {
    if (this.#failures === undefined || this.#failed === undefined) {
      this.#failures = [];
      this.#failed = [];
    }
    this.#failures.push(error);
    this.#failed.push(extension);
  }

  finish(): MapResult<T, R> {
    // Every plugin of the plan answers or fails, so `from` is the plan minus the
    // failed ones: no second array to fill on the hot path.
    const failed = this.#failed;
    if (failed === undefined) return { values: this.#values, from: this.#called, failures: [] };
    const from = this.#called.filter((e) => !failed.includes(e));
    return { values: this.#values, from, failures: this.#failures ?? [] };
  }
}
