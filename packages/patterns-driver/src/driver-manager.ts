/**
 * The driver pattern: of all the plugins a namespace has, exactly one is
 * loaded and the host uses it directly. Ceilometer keeps its samples in one
 * storage driver chosen by configuration; SQLAlchemy talks to one database
 * through the dialect its URL names. The host knows which plugin it wants
 * before it starts, and wants nothing from the others.
 *
 * So the manager reads every declaration (cheap: manifests only), chooses the
 * one extension (`choose-driver.ts`), and imports only that one. The other
 * plugins' modules are never evaluated: their code, their dependencies and
 * their start-up cost stay out of the process. Their extension records are
 * not even made until a report asks for them: with a thousand plugins
 * installed, a load costs about what importing the one module costs.
 *
 * What the host gets back is the plugin object itself, not a wrapper, so a
 * call to the driver is a plain method call.
 */
import {
  type Contract,
  type DiscoverySource,
  type EnablingPolicy,
  type Extension,
  ExtensionSet,
  type Integration,
  type Namespace,
} from '@plugin-patterns/loader';
import type { Importer } from '@plugin-patterns/loader/importing';
// From the pattern packages' subpath, not the front door: only what a load runs is imported.
import { type CallOptions, callPlugin } from '@plugin-patterns/loader/invocation';
import { callChannel, traced } from '@plugin-patterns/loader/tracing';
import { chooseDriver } from './choose-driver.ts';
import { constructWith, type DriverArgs } from './driver-args.ts';
import { type DriverUrl, parseDriverUrl } from './driver-url.ts';

interface CommonOptions<T> {
  /** The namespace, as a name or as a typed `Namespace<T>`. */
  readonly namespace: string | Namespace<T>;
  /** Where to look for declarations. Only the chosen plugin is ever imported. */
  readonly sources: readonly DiscoverySource[];
  /** Enabling policies; a driver they turn off is reported, never loaded. */
  readonly policies?: readonly EnablingPolicy[];
  /** What the driver must provide. Default: the namespace's contract, if any. */
  readonly contract?: Contract<T>;
  /** How long loading the driver may take; see the loader's `loadTimeoutMs`. Default: no limit. */
  readonly loadTimeoutMs?: number;
  /** Replaces Node's `import()`; for tests. */
  readonly importer?: Importer;
}

/** Choose the driver by its name, or by the scheme of a URL (`sqlite:///…` → `sqlite`). */
type ChooseBy =
  | { readonly name: string; readonly url?: never }
  | { readonly url: string; readonly name?: never };

/** Construct the export with `args`, or integrate it your own way; neither: use it as it is. */
type BuildWith<T> =
  | { readonly args?: DriverArgs; readonly integration?: never }
  | { readonly integration: Integration<T>; readonly args?: never };

export type DriverManagerOptions<T> = CommonOptions<T> & ChooseBy & BuildWith<T>;

export class DriverManager<T = unknown> {
  readonly namespace: string;
  /** The chosen plugin's name (for a URL, its scheme). */
  readonly name: string;
  /** The URL that chose the driver, when there was one. */
  readonly url: DriverUrl | undefined;
  /** The plugin object itself: call it directly. */
  readonly driver: T;
  /** The chosen plugin's record: provenance, state and history. */
  readonly extension: Extension<T>;
  /**
   * Everything discovered in the namespace, loaded or not: for reports. The
   * chosen driver's record is `extension`; the others are made on first look.
   */
  readonly extensions: ExtensionSet<T>;

  private constructor(parts: {
    set: ExtensionSet<T>;
    extension: Extension<T>;
    driver: T;
    url: DriverUrl | undefined;
  }) {
    this.namespace = parts.set.namespace;
    this.name = parts.extension.name;
    this.url = parts.url;
    this.driver = parts.driver;
    this.extension = parts.extension;
    this.extensions = parts.set;
  }

  /**
   * Discovers the namespace, chooses the one driver and loads it. Rejects with
   * NoMatchingPluginError, AmbiguousPluginError, InvalidDriverUrlError,
   * PluginUnavailableError (a policy or the driver's own check turned it off)
   * or the loader's import, integration and contract errors, each naming the
   * driver.
   */
  static async load<T>(options: DriverManagerOptions<T>): Promise<DriverManager<T>> {
    const namespace =
      typeof options.namespace === 'string' ? options.namespace : options.namespace.name;
    const { name, url } = chosen(options, namespace);
    const integration =
      options.integration ??
      (options.args === undefined ? undefined : constructWith<T>(options.args, url));
    const set = ExtensionSet.discover<T>({
      namespace: options.namespace,
      sources: options.sources,
      policies: options.policies,
      contract: options.contract,
      importer: options.importer,
      loadTimeoutMs: options.loadTimeoutMs,
      integration,
    });
    const extension = chooseDriver(set, name);
    const driver = await extension.load();
    return new DriverManager({ set, extension, driver, url });
  }

  /**
   * A guarded call, for hosts that want a driver's failures typed and on
   * record: whatever `fn` throws or rejects with comes back as a
   * PluginCallError naming the driver, kept as its extension's `lastError`
   * (a failed call does not disable the driver). A sync answer stays sync.
   * The plain call, `manager.driver.write(…)`, costs nothing extra, and is
   * not traced: only a guarded call is published on the loader's call channel.
   */
  call<R>(fn: (driver: T) => R, options?: CallOptions): R {
    const call = callChannel.hasSubscribers ? traced('driver', this.extension, fn) : fn;
    return callPlugin(this.extension, call, options);
  }

  /**
   * The test seam: a manager around a driver the host already has, with no
   * discovery and no import. A host's tests hand in a fake driver this way
   * and exercise the code that uses `manager.driver`.
   */
  static fromInstance<T>(
    namespace: string | Namespace<T>,
    name: string,
    driver: T,
  ): DriverManager<T> {
    const set = ExtensionSet.fromObjects<T>(namespace, [[name, driver]]);
    const extension = set.extensions[0] as Extension<T>;
    return new DriverManager({ set, extension, driver, url: undefined });
  }
}

/** Loads the one driver and returns it: `DriverManager.load(options)` for hosts that need only the object. */
export async function loadDriver<T>(options: DriverManagerOptions<T>): Promise<T> {
  return (await DriverManager.load(options)).driver;
}

/** The name asked for, read from `name` or from the URL's scheme; exactly one of the two. */
function chosen<T>(
  options: DriverManagerOptions<T>,
  namespace: string,
): { name: string; url: DriverUrl | undefined } {
  const { name, url } = options as { name?: unknown; url?: unknown };
  if ((name === undefined) === (url === undefined)) {
    throw new TypeError(
      `choose the ${namespace} driver by "name" or by "url", not ${name === undefined ? 'neither' : 'both'}`,
    );
  }
  if (url !== undefined) {
    const parsed = parseDriverUrl(url, { namespace });
    return { name: parsed.scheme, url: parsed };
  }
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`the ${namespace} driver's name must be a non-empty string`);
  }
  return { name, url: undefined };
}
