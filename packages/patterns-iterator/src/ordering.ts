/**
 * Ordering: which plugin is called first. Three sources, combined:
 *
 * 1. the set's own order (discovery order, or the order an enabling policy
 *    such as an allow list chose): the default;
 * 2. a names list from the host: those plugins first, in that order, every
 *    other plugin after them in set order (ordering is not selecting:
 *    leaving a plugin off the list does not turn it off);
 * 3. constraints: `position: 'first' | 'last'`, `before: [...]`,
 *    `after: [...]`. A plugin declares them as an `order` property (on the
 *    instance, or static on its class); the host can give them by plugin
 *    name, and the host's replace the plugin's (the host has the last word).
 *
 * `before`/`after` are hard edges; `first`/`last` and the names list only
 * rank the plugins the edges leave free, and the sort is stable, so a
 * constraint never reorders plugins it does not mention. A cycle is an
 * error naming its plugins; a constraint naming a plugin that is not being
 * called is reported (with the closest name) and ignored.
 */
import { type Extension, PluginError } from '@plugin-patterns/loader';
import { describeSource } from '@plugin-patterns/loader/extension';
import { closestName, describeThrown } from '@plugin-patterns/loader/invocation';
import { stableTopoSort } from './stable-topo-sort.ts';

/** Where a plugin wants to run, declared by the plugin or given by the host. */
export interface OrderSpec {
  /** A preference among the plugins the edges leave free. */
  readonly position?: 'first' | 'last';
  /** Names of plugins this one must run before. */
  readonly before?: string | readonly string[];
  /** Names of plugins this one must run after. */
  readonly after?: string | readonly string[];
}

export interface OrderOptions {
  /** Plugins to call first, in this order; the rest follow in set order. */
  readonly names?: readonly string[];
  /** Constraints by plugin name; they replace what that plugin declares. */
  readonly constraints?: Readonly<Record<string, OrderSpec>>;
  /** Read the `order` that plugins declare. Default true. */
  readonly declared?: boolean;
}

/** A constraint that was ignored, and why. */
export interface OrderProblem {
  /** The plugin whose constraint is at fault; undefined for the host's names list. */
  readonly plugin: string | undefined;
  readonly message: string;
}

/** The constraints cannot all hold: `cycle` names the plugins, the first repeated at the end. */
export class OrderCycleError extends PluginError {
  override readonly code: string = 'PLUGIN_ORDER_CYCLE';
  readonly cycle: readonly string[];
  constructor(cycle: readonly string[], who: { namespace: string }) {
    super(`order constraints form a cycle: ${cycle.join(' → ')}`, { ...who, stage: 'invocation' });
    this.cycle = cycle;
  }
}

const RANK_OF_POSITION = { first: 0, none: 1, last: 2 } as const;

/** Orders extensions (already loaded) and reports ignored constraints. Throws OrderCycleError. */
export function orderExtensions<T>(
  extensions: readonly Extension<T>[],
  options: OrderOptions,
  namespace: string,
): { ordered: Extension<T>[]; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const names = extensions.map((e) => e.name);
  const nodesNamed = (name: string): number[] => names.flatMap((n, i) => (n === name ? [i] : []));
  const unknown = (name: string): string => {
    const closest = closestName(name, names);
    return `"${name}" is not among the plugins called${closest === undefined ? '' : ` (did you mean "${closest}"?)`}`;
  };

  // The names list ranks first; everything else keeps its place after it.
  const listed = options.names ?? [];
  for (const name of listed) {
    if (!names.includes(name)) problems.push({ plugin: undefined, message: unknown(name) });
  }
  const baseRank = names.map((name, i) => {
    const at = listed.indexOf(name);
    return at === -1 ? listed.length + i : at;
  });

  for (const name of Object.keys(options.constraints ?? {})) {
    if (!names.includes(name))
      problems.push({ plugin: name, message: `constraint for ${unknown(name)}` });
  }

  const position: number[] = [];
  const edges: [number, number][] = [];
  extensions.forEach((extension, self) => {
    const given = options.constraints?.[extension.name];
    const spec =
      given ?? (options.declared === false ? undefined : declaredOrder(extension, problems));
    position.push(RANK_OF_POSITION[spec?.position ?? 'none']);
    for (const [targets, forward] of [
      [spec?.before, true],
      [spec?.after, false],
    ] as const) {
      for (const target of listOf(targets)) {
        const others = nodesNamed(target);
        if (others.length === 0) {
          problems.push({ plugin: extension.name, message: unknown(target) });
        }
        for (const other of others) edges.push(forward ? [self, other] : [other, self]);
      }
    }
  });

  // Position first, then the base rank: one number per plugin.
  const rank = baseRank.map((base, i) => (position[i] as number) * extensions.length * 2 + base);
  const outcome = stableTopoSort(rank, edges);
  if (!outcome.ok) {
    throw new OrderCycleError(
      outcome.cycle.map((i) => label(extensions, i)),
      { namespace },
    );
  }
  return { ordered: outcome.order.map((i) => extensions[i] as Extension<T>), problems };
}

/**
 * The `order` a plugin declares: on the object (instance or function), else
 * static on its class. A malformed declaration, or one that throws when read,
 * is reported against the plugin and ignored.
 */
export function declaredOrder(
  extension: Extension<unknown>,
  problems: OrderProblem[],
): OrderSpec | undefined {
  const object = extension.object;
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
    return undefined;
  }
  let declared: unknown;
  try {
    // A getter, or a proxy, runs the plugin's code: its failure is its own.
    const own = (object as { order?: unknown }).order;
    declared = own ?? (object.constructor as { order?: unknown } | undefined)?.order;
  } catch (thrown) {
    const why = `reading it threw ${describeThrown(thrown)}`;
    problems.push({ plugin: extension.name, message: `its order declaration is ignored: ${why}` });
    return undefined;
  }
  if (declared === undefined) return undefined;
  const why = specProblem(declared);
  if (why === undefined) return declared as OrderSpec;
  problems.push({ plugin: extension.name, message: `its order declaration is ignored: ${why}` });
  return undefined;
}

function specProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const spec = value as Record<string, unknown>;
  if (spec.position !== undefined && spec.position !== 'first' && spec.position !== 'last') {
    return 'position must be "first" or "last"';
  }
  for (const key of ['before', 'after'] as const) {
    const names = spec[key];
    if (names === undefined || typeof names === 'string') continue;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
      return `${key} must be a name or a list of names`;
    }
  }
  return undefined;
}

function listOf(names: string | readonly string[] | undefined): readonly string[] {
  if (names === undefined) return [];
  return typeof names === 'string' ? [names] : names;
}

/** The plugin's name, with its source when several plugins share the name. */
function label(extensions: readonly Extension<unknown>[], i: number): string {
  const extension = extensions[i] as Extension<unknown>;
  const shared = extensions.filter((e) => e.name === extension.name).length > 1;
  return shared ? `${extension.name} (${describeSource(extension.source)})` : extension.name;
}
