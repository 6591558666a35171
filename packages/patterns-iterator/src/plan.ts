/**
 * The plan: the plugins a run calls, in call order, made once by the manager
 * (on first use, by `load()` or `refresh()`) and read by every run.
 *
 * Each plugin's object is looked up once, here, beside its record: reading a
 * record's `object` checks the record's state each time, which costs about
 * as much as calling a small plugin (in the benchmark, ten trivial plugins
 * ran about 1.3x a hand-written loop through their records, and about 1.05x
 * through the objects looked up once). The arrays are not frozen: a run reads
 * a frozen array's elements more slowly (about 1.5x the loop, the same trial).
 * They are typed read-only, and map hands `extensions` out as a run's `from`.
 */
import type { Extension } from '@plugin-patterns/loader';

export interface Plan<T> {
  /** The records of the plugins to call, in call order. */
  readonly extensions: readonly Extension<T>[];
  /** Their objects: `objects[i]` is `extensions[i].object`. */
  readonly objects: readonly T[];
}

/** A plan over extensions already ordered and loaded. Throws for one that is not loaded. */
export function planOf<T>(extensions: readonly Extension<T>[]): Plan<T> {
  return { extensions: [...extensions], objects: extensions.map((e) => e.object) };
}
