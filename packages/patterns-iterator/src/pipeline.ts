/**
 * Pipeline: pass one value through every plugin in turn, each receiving what
 * the previous one returned (tapable's waterfall; a chain of filters or
 * transforms, such as publishers that enrich a sample before it is stored).
 *
 * The answer always replaces the value: a plugin that only looks returns what
 * it was given. A plugin that fails is skipped and the value goes on
 * unchanged to the next one (with `onError: 'collect'`), so one broken
 * transform costs its own step, not the whole chain.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import type { Mode } from './engine.ts';

/** One step: receives the current value, returns the next (or a promise of it). */
export type PipelineStep<T, V, R> = (plugin: T, value: V) => R;

export interface PipelineResult<T, V> {
  /** The value after the last plugin. */
  readonly value: V;
  /** The plugins whose answer became the value, in order. */
  readonly from: Extension<T>[];
  /** Plugins whose step failed and was skipped. */
  readonly failures: PluginError[];
}

/** Threads the value through; never stops early. */
export class PipelineMode<T, V> implements Mode<T, PipelineResult<T, V>> {
  readonly call: (plugin: T) => unknown;
  readonly #from: Extension<T>[] = [];
  readonly #failures: PluginError[] = [];
  #value: V;

  constructor(initial: V, step: PipelineStep<T, V, unknown>) {
    this.#value = initial;
    // One closure per run (not per call) threads the current value in.
    this.call = (plugin) => step(plugin, this.#value);
  }

  take(value: unknown, extension: Extension<T>): boolean {
    this.#value = value as V;
    this.#from.push(extension);
    return false;
  }

  failed(error: PluginError): void {
    this.#failures.push(error);
  }

  finish(): PipelineResult<T, V> {
    return { value: this.#value, from: this.#from, failures: this.#failures };
  }
}
