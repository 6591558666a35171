/**
 * A typed namespace: the name a host and its plugins agree on, together with
 * the TypeScript type of what plugins in it provide. Passing a `Namespace<T>`
 * instead of a bare string lets every manager built on it return `T` without
 * a cast, and carries the namespace's contract along.
 */
import type { Contract } from './enforcement/contract.ts';

export interface Namespace<T> {
  readonly name: string;
  readonly description: string | undefined;
  readonly contract: Contract<T> | undefined;
  /** Type-level only: never set at run time. */
  readonly __plugin?: T;
}

export interface NamespaceOptions<T> {
  readonly description?: string;
  readonly contract?: Contract<T>;
}

export function defineNamespace<T = unknown>(
  name: string,
  options: NamespaceOptions<T> = {},
): Namespace<T> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new TypeError(
      `namespace "${name}" is not valid: use letters, digits, dots, dashes and underscores`,
    );
  }
  return Object.freeze({
    name,
    description: options.description,
    contract: options.contract,
  });
}

/** The plugin type of a namespace. */
export type PluginOf<N> = N extends Namespace<infer T> ? T : never;
