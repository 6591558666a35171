/**
 * Discovery from an explicit list of import references, the way a Django
 * project lists its INSTALLED_APPS: the host names each plugin and where it
 * lives, `@scope/package/subpath:Export`, and nothing else is found.
 *
 * A host chooses it when the set of plugins is part of its configuration:
 * installing a package adds nothing until someone writes it into the list,
 * which makes the running set easy to audit. The cost is the same list edited
 * by hand for every plugin added.
 *
 * Each package is found from the host's folder with Node's own resolver, and
 * each module through that package's `exports`, exactly as an `import` written
 * in the host would find it. A bad entry becomes a problem; the others still load.
 */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { packageNameOf, parseSpecifierReference } from '../shared/reference.ts';
import { resolvePackageModule } from '../shared/resolve.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { namespaceProblem, pluginNameProblem, shorten } from './declared-names.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
  PluginSource,
} from './entry-point.ts';
import { findPackageManifest } from './find-package-manifest.ts';
import { describeFsError, packageFacts, readManifest } from './manifest-file.ts';
import { refusedReference } from './refused-reference.ts';

export interface ReferenceListOptions {
  readonly namespace: string;
  /** Plugin name -> `package/subpath:Export` (the export defaults to `default`). */
  readonly plugins: Readonly<Record<string, string>>;
  /** The host's folder: packages are resolved from here. Default: `process.cwd()`. */
  readonly cwd?: string;
}

export function referenceList(options: ReferenceListOptions): DiscoverySource {
  const namespace = options.namespace;
  const badNamespace = namespaceProblem(namespace);
  if (badNamespace !== undefined) throw new TypeError(`referenceList: ${badNamespace}`);
  const cwd = resolve(options.cwd ?? process.cwd());
  return {
    kind: 'reference-list',
    discover(wanted?: string): DiscoveryReport {
      const entryPoints: EntryPoint[] = [];
      const problems: DiscoveryProblem[] = [];
      if (wanted !== undefined && wanted !== namespace) return { entryPoints, problems };
      // The base is a file in the host's folder, so resolution starts exactly there.
      const base = pathToFileURL(join(cwd, 'package.json'));
      for (const [name, reference] of Object.entries(options.plugins)) {
        const found = entryFor({ namespace, name, reference, base, cwd });
        if ('error' in found) problems.push(found);
        else entryPoints.push(found);
      }
      return { entryPoints, problems };
    },
  };
}

interface ListEntry {
  readonly namespace: string;
  readonly name: string;
  readonly reference: unknown;
  readonly base: URL;
  readonly cwd: string;
}

function entryFor(entry: ListEntry): EntryPoint | DiscoveryProblem {
  const { namespace, name, reference } = entry;
  const origin = `reference list, plugin "${shorten(name)}"`;
  const shown = typeof reference === 'string' ? reference : undefined;
  // Once the package is known, the refusal names it as its source, so that
  // reports say where the refused declaration points and that the list found it.
  const refuse = (error: DiscoveryError, source?: PluginSource): DiscoveryProblem => ({
    namespace,
    name: pluginNameProblem(name) === undefined ? name : undefined,
    origin,
    reference: shown,
    source,
    error,
  });

  const badName = pluginNameProblem(name);
  if (badName !== undefined) return refuse(new DiscoveryError(badName, { namespace }));
  const parsed = parseSpecifierReference(reference);
  if (!parsed.ok) {
    // Stryker disable next-line StringLiteral: only the kind 'package' is judged apart; any other reads as 'specifier'
    return refuse(refusedReference(reference, parsed.why, { namespace, name, kind: 'specifier' }));
  }
  const text = reference as string; // the parser accepted it: a string
  // Accepted, so it holds nothing a terminal acts on; only cut to a readable length.
  const quoted = shorten(text, 200);
  const { module, exportName } = parsed.reference;
  const packageName = packageNameOf(module) as string; // the parser checked it is one
  const who = { namespace, name };

  const link = findPackageManifest(packageName, entry.base);
  if (link === undefined) {
    const why = `package "${packageName}" of "${quoted}" is not installed where the host can see it (${escapeUnsafe(entry.cwd)})`;
    return refuse(new DiscoveryError(why, who));
  }
  let manifestPath: string;
  try {
    manifestPath = realpathSync.native(link);
  } catch (cause) {
    const why = `${escapeUnsafe(link)}: ${describeFsError(cause)}`;
    return refuse(new DiscoveryError(why, { ...who, cause }));
  }
  const read = readManifest(manifestPath);
  if (!read.ok) return refuse(new DiscoveryError(read.why, who));
  const facts = packageFacts(read.manifest, packageName);
  const root = dirname(manifestPath);
  const found = {
    kind: 'package',
    via: 'reference-list',
    packageName: facts.name,
    version: facts.version,
    root,
  } as const;
  const source: PluginSource =
    facts.claimedName === undefined ? found : { ...found, claimedName: facts.claimedName };
  const resolved = resolvePackageModule({
    root,
    packageName: facts.name,
    hasExports: facts.hasExports,
    exports: read.manifest.exports,
    module: `.${module.slice(packageName.length)}`,
    exportName,
  });
  if (!resolved.ok) {
    return refuse(
      resolved.escapes
        ? new ReferenceEscapeError(quoted, escapeUnsafe(resolved.why), who)
        : new DiscoveryError(`"${quoted}" cannot be resolved: ${escapeUnsafe(resolved.why)}`, {
            ...who,
            cause: resolved.cause,
          }),
      source,
    );
  }
  return { namespace, name, reference: text, source, target: resolved.target };
}
