/**
 * Which packages a package scan reads: the host's *declared* dependencies,
 * and, only when asked, their dependencies in turn. Never every folder under
 * node_modules: what the host did not declare is not the host's to load, and
 * a pnpm install does not even put it there.
 *
 * Each dependency is found the way `import` would find it — Node's own
 * resolver, `module.findPackageJSON(name, from)` — so pnpm's symlinks, scoped
 * packages, workspaces and hoisting all work without a line of path logic here.
 * Every package.json is read once (a diamond is met twice but read once, by
 * real path) and whatever goes wrong with one package is an issue; the walk
 * goes on with the next.
 */
import { realpathSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPlainObject, packageNameProblem, shorten, typeName } from './declared-names.ts';
import { type Fingerprint, FingerprintBuilder } from './fingerprint.ts';
import { describeFsError, packageFacts, readManifest } from './manifest-file.ts';

export type DependencyField =
  | 'dependencies'
  | 'optionalDependencies'
  | 'devDependencies'
  | 'peerDependencies';

/** A package that has the scanned field; the field is kept raw, to be checked by its reader. */
export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  /** Real path of the package folder; its manifest is `<root>/package.json`. */
  readonly root: string;
  readonly hasExports: boolean;
  readonly field: unknown;
}

/** Something that kept a package from being read. */
export interface WalkIssue {
  /** The manifest that declared the package, or the one that could not be read. */
  readonly origin: string;
  readonly why: string;
}

export interface PackageWalk {
  /** Packages that declare the field, sorted by name then folder. */
  readonly packages: InstalledPackage[];
  readonly issues: WalkIssue[];
  /** How many package.json files were read, the host's excepted. */
  readonly packagesRead: number;
  readonly fingerprint: Fingerprint;
}

export interface WalkOptions {
  /** Real path of the host's folder. */
  readonly cwd: string;
  readonly field: string;
  /** Which of the host's dependency lists to follow. */
  readonly include: readonly DependencyField[];
  /** Levels of dependencies-of-dependencies to follow: 0 for the declared ones only. */
  readonly levels: number;
}

/** A missing dependency from these lists is a problem; from the others it is allowed. */
const REQUIRED: ReadonlySet<string> = new Set(['dependencies', 'devDependencies']);

interface Visit {
  readonly manifestPath: string;
  /** The manifest as a URL: where Node resolves this package's dependencies from. */
  readonly base: URL;
  readonly manifest: Record<string, unknown>;
  readonly label: string;
  readonly depth: number;
}

export function walkInstalledPackages(options: WalkOptions): PackageWalk {
  const fingerprint = new FingerprintBuilder();
  const packages: InstalledPackage[] = [];
  const issues: WalkIssue[] = [];
  const hostManifest = join(options.cwd, 'package.json');
  fingerprint.watchLockfile(options.cwd);
  fingerprint.watch(join(options.cwd, 'node_modules'));
  const host = readManifest(hostManifest);
  if (!host.ok) {
    fingerprint.watch(hostManifest);
    issues.push({ origin: hostManifest, why: `the host's manifest cannot be used: ${host.why}` });
    return { packages, issues, packagesRead: 0, fingerprint: fingerprint.build() };
  }
  fingerprint.record(hostManifest, host.stamp);

  // Later levels follow what a dependency needs at run time, never its devDependencies.
  const onward = options.include.filter((f) => f !== 'devDependencies');
  const queue: Visit[] = [
    {
      manifestPath: hostManifest,
      base: pathToFileURL(hostManifest),
      manifest: host.manifest,
      label: 'the host',
      depth: 0,
    },
  ];
  const seenLinks = new Set<string>();
  const seenRoots = new Set<string>([options.cwd]);
  let packagesRead = 0;

  /** Finds one declared package and reads it, unless it was met before. */
  function visit(name: string, from: Visit, list: DependencyField, where: string): void {
    const link = locate(name, from.base);
    if (link === undefined) {
      fingerprint.unresolved(name, from.manifestPath);
      if (REQUIRED.has(list)) {
        const why = `"${name}" is declared in ${where} but Node cannot find it (not installed, or a broken link)`;
        issues.push({ origin: from.manifestPath, why });
      }
      return;
    }
    if (seenLinks.has(link)) return;
    seenLinks.add(link);
    // The folder holding the package changes when it is added, removed or upgraded.
    fingerprint.watch(dirname(dirname(link)));
    // The package is its real folder: pnpm links it from its store, a workspace from afar.
    let root: string;
    try {
      root = realpathSync.native(dirname(link));
    } catch (cause) {
      issues.push({ origin: link, why: `"${name}": ${link}: ${describeFsError(cause)}` });
      return;
    }
    if (seenRoots.has(root)) return;
    seenRoots.add(root);
    const manifestPath = join(root, 'package.json');
    const read = readManifest(manifestPath);
    if (!read.ok) {
      const why = `package "${shorten(name)}" is unusable: ${read.why}`;
      issues.push({ origin: manifestPath, why });
      return;
    }
    packagesRead++;
    const facts = packageFacts(read.manifest, name);
    const linked = !`${root}${sep}`.includes(`${sep}node_modules${sep}`);
    const declares = Object.hasOwn(read.manifest, options.field);
    if (linked || declares) fingerprint.record(manifestPath, read.stamp);
    if (declares) packages.push({ ...facts, root, field: read.manifest[options.field] });
    if (from.depth + 1 <= options.levels) {
      const label = `${facts.name}@${facts.version}`;
      const base = pathToFileURL(manifestPath);
      queue.push({ manifestPath, base, manifest: read.manifest, label, depth: from.depth + 1 });
    }
  }

  for (let next = 0; next < queue.length; next++) {
    const from = queue[next] as Visit;
    for (const list of from.depth === 0 ? options.include : onward) {
      if (!Object.hasOwn(from.manifest, list)) continue;
      const declared = from.manifest[list];
      const where = `"${list}" of ${from.label} (${from.manifestPath})`;
      if (!isPlainObject(declared)) {
        issues.push({ origin: from.manifestPath, why: `${where} is ${typeName(declared)}` });
        continue;
      }
      for (const name of Object.keys(declared)) {
        const badName = packageNameProblem(name);
        if (badName === undefined) visit(name, from, list, where);
        else issues.push({ origin: from.manifestPath, why: `${where} lists ${badName}` });
      }
    }
  }
  packages.sort((a, b) => compare(a.name, b.name) || compare(a.root, b.root));
  return { packages, issues, packagesRead, fingerprint: fingerprint.build() };
}

/** Node's own answer to "where is NAME, imported from this manifest?" — or undefined. */
function locate(name: string, from: URL): string | undefined {
  try {
    return findPackageJSON(name, from);
  } catch {
    return undefined;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
