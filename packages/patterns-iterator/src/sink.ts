/**
 * The sink: where the poller's samples go (a storage driver's `write`, or
 * anything with that method), and what its refusal means. A write that throws
 * fails as a whole and its batch stays pending; one whose error carries a
 * `refused` list stored the rest, and each refused sample is blamed on the
 * pollster that made it, which stays enabled: retrying a sample the sink
 * refused would refuse it forever and hold up every later batch.
 */
import { type Extension, type PluginError, PluginResultError } from '@plugin-patterns/loader';

/**
 * Where samples go: `write` may return a promise. A throw or rejection keeps
 * the batch pending, unless the error has a `refused` list (`{ index }` of
 * each sample refused): then the rest of the batch counts as written.
 */
export interface Sink<S> {
  write(samples: readonly S[]): unknown;
}

/** A sample waiting for the sink, with the pollster to blame if the sink refuses it. */
export interface PendingSample<S> {
  readonly sample: S;
  readonly from: Extension<unknown>;
}

/**
 * The samples a sink says it refused, by index, with its reason: read from
 * an error's `refused` list (`{ index, problems? }`). Undefined when the error
 * has none, or names an index outside the batch: then the write failed whole.
 */
export function refusedIndexes(error: unknown, size: number): Map<number, string> | undefined {
  // The error is the plugin's: any read of it (a getter, a Proxy list, a
  // problem whose toString throws) can throw, and the batch must not be lost
  // to that; an error that cannot be read failed the write as a whole.
  try {
    const list = (error as { refused?: unknown } | null)?.refused;
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const indexes = new Map<number, string>();
    for (const entry of list as { index?: unknown; problems?: unknown }[]) {
      const index = entry?.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= size) {
        return undefined;
      }
      const problems = Array.isArray(entry.problems) ? entry.problems.map(String).join('; ') : '';
      indexes.set(index, problems === '' ? 'no reason given' : problems);
    }
    return indexes;
  } catch {
    return undefined;
  }
}

/** A refused sample is its pollster's failure: recorded on its extension, which stays enabled. */
export function blame<S>(pending: PendingSample<S>, why: string): PluginError {
  const { namespace, name } = pending.from;
  const error = new PluginResultError(`its sample was refused by the sink: ${why}`, {
    namespace,
    name,
  });
  pending.from.fail(error);
  return error;
}
