/**
 * A typed namespace: the name a host and its plugins agree on, together with
 * the TypeScript type of what plugins in it provide. Passing a `Namespace<T>`
 * instead of a bare string lets every manager built on it return `T` without
 * a cast, and carries the namespace's contract along.
 *
 * A name is checked by discovery's own rule (`namespaceProblem`), so every
 * namespace a host can define is one a package can declare, and the reverse.
 */
import { namespaceProblem, shorten } from './discovery/declared-names.ts';
import type { Contract } from './enforcement/contract.ts';
import { typeName } from './shared/type-name.ts';

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
  const problem = namespaceProblem(name);
  if (problem !== undefined) {
    // Callers in plain JavaScript can pass anything; name it without assuming a string.
    const shown = typeof name === 'string' ? `"${shorten(name)}"` : typeName(name);
    throw new TypeError(`namespace ${shown} is not valid: ${problem}`);
  }
  return Object.freeze({
    name,
    description: options.description,
    contract: options.contract,
  });
}

/** The plugin type of a namespace. */
export type PluginOf<N> = N extends Namespace<infer T> ? T : never;
