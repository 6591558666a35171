/**
 * First: call plugins in order until one answers (stevedore's "first
 * result", tapable's bail). The host asks "who can handle this?" without
 * routing by name: the first plugin that returns something other than
 * `undefined` wins and the rest are not called. `undefined` means "not me";
 * `null`, `0`, `''` and `false` are answers.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import type { Mode } from './engine.ts';

export type FirstResult<T, R> =
  | {
      readonly found: true;
      readonly value: R;
      /** The plugin that answered. */
      readonly from: Extension<T>;
      /** Plugins that failed before one answered. */
      readonly failures: PluginError[];
    }
  | {
      readonly found: false;
      readonly value: undefined;
      readonly from: undefined;
      readonly failures: PluginError[];
    };

/** Stops at the first defined answer. */
export class FirstMode<T, R> implements Mode<T, FirstResult<T, R>> {
  readonly call: (plugin: T) => unknown;
  readonly #failures: PluginError[] = [];
  #value: R | undefined;
  #from: Extension<T> | undefined;

  constructor(call: (plugin: T) => unknown) {
    this.call = call;
  }

  take(value: unknown, extension: Extension<T>): boolean {
    if (value === undefined) return false;
    this.#value = value as R;
    this.#from = extension;
    return true;
  }

  failed(error: PluginError): void {
    this.#failures.push(error);
  }

  finish(): FirstResult<T, R> {
    const failures = this.#failures;
    return this.#from === undefined
      ? { found: false, value: undefined, from: undefined, failures }
      : { found: true, value: this.#value as R, from: this.#from, failures };
  }
}
