/**
 * Fakes for tests: entry points, a discovery source and an importer that
 * serve plugins from memory, so a test of the pipeline or of a manager needs
 * neither real packages nor the discovery sources. The loader's own tests use
 * them; hosts get them from `@plugin-patterns/loader/testing`.
 */
import type {
  DiscoveryProblem,
  DiscoverySource,
  EntryPoint,
  PluginSource,
} from '../discovery/entry-point.ts';
import { DiscoveryError, PluginImportError } from '../errors/kinds.ts';
import type { Importer } from '../importing/importer.ts';

export const FAKE_SOURCE: PluginSource = Object.freeze({
  kind: 'package',
  packageName: 'fake-plugins',
  version: '1.0.0',
  root: '/fake',
  via: 'package-scan',
});

/** An entry point whose import target is `fake:NAME` (what `fakeImporter` serves). */
export function fakeEntry(
  name: string,
  options: { namespace?: string; source?: PluginSource; url?: string } = {},
): EntryPoint {
  return {
    namespace: options.namespace ?? 'test.ns',
    name,
    reference: `./${name}:default`,
    source: options.source ?? FAKE_SOURCE,
    target: { url: options.url ?? `fake:${name}`, exportName: 'default' },
  };
}

/** Many entry points at once, one per name, in order. */
export function fakeEntries(names: readonly string[], namespace = 'test.ns'): EntryPoint[] {
  return names.map((name) => fakeEntry(name, { namespace }));
}

export function fakeSource(
  entryPoints: readonly EntryPoint[],
  problems: readonly DiscoveryProblem[] = [],
): DiscoverySource {
  return { kind: 'fake-scan', discover: () => ({ entryPoints, problems }) };
}

/** A declaration the source refused (e.g. a reference that leaves its package). */
export function fakeProblem(
  name: string | undefined,
  why: string,
  namespace = 'test.ns',
): DiscoveryProblem {
  return {
    namespace,
    name,
    origin: '/fake/package.json',
    reference: '../outside:default',
    source: FAKE_SOURCE,
    error: new DiscoveryError(why, { namespace, name }),
  };
}

/** Marks an export whose module fails to import. */
export class BrokenModule {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export interface FakeImporter {
  readonly importer: Importer;
  /** How many times each URL was imported. */
  readonly calls: Map<string, number>;
}

/** Serves `exports[url]`; a `BrokenModule` fails to import; an unknown URL is "not found". */
export function fakeImporter(exports: Readonly<Record<string, unknown>>): FakeImporter {
  const calls = new Map<string, number>();
  const importer: Importer = async (target, who) => {
    calls.set(target.url, (calls.get(target.url) ?? 0) + 1);
    // A real import() is never synchronous; neither is this one.
    await Promise.resolve();
    const exported = exports[target.url];
    if (exported instanceof BrokenModule || exported === undefined) {
      const cause = new Error(exported?.message ?? `Cannot find module '${target.url}'`);
      throw new PluginImportError(who.reference, {
        namespace: who.namespace,
        name: who.name,
        cause,
      });
    }
    return exported;
  };
  return { importer, calls };
}
