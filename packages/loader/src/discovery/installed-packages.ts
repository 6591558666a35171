/**
 * Which packages a package scan reads: the host's *declared* dependencies,
 * and, only when asked, their dependencies in turn. Never every folder under
 * node_modules: what the host did not declare is not the host's to load, and
 * a pnpm install does not even put it there.
 *
 * Each dependency is found the way `import` would find it, so pnpm's
 * symlinks, scoped packages and workspaces behave as they do for `import`,
 * but never in a folder above the host unless asked (dependency-folders.ts).
 * Every package.json is read once (seen-folders.ts: a diamond is met twice
 * but read once, by real path) and whatever goes wrong with one package is an
 * issue; the walk goes on with the next. What it takes and hands back is in
 * package-walk.ts.
 */
import { join, sep } from 'node:path';
import { typeName } from '../shared/type-name.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { FingerprintBuilder } from './cache/fingerprint.ts';
import { isPlainObject, packageNameProblem, shorten } from './declared-names.ts';
import { dependencyFolders, IN_NODE_MODULES } from './dependency-folders.ts';
import { selfReferenceName } from './find-package-manifest.ts';
import { describeFsError, packageFacts, readManifest } from './manifest-file.ts';
import { locatePackage, realFolder } from './package-lookup.ts';
import type {
  DependencyField,
  InstalledPackage,
  PackageWalk,
  WalkIssue,
  WalkOptions,
} from './package-walk.ts';
import { FolderSet, type Holder } from './seen-folders.ts';

const STAMPED = { stamp: true } as const;
const UNSTAMPED = { stamp: false } as const;

/** A missing dependency from these lists is a problem; from the others it is allowed. */
const REQUIRED: ReadonlySet<string> = new Set(['dependencies', 'devDependencies']);

interface Visit {
  readonly manifestPath: string;
  readonly manifest: Record<string, unknown>;
  readonly label: string;
  readonly depth: number;
  /** The name Node resolves to this package itself (a self-reference): never a dependency. */
  readonly ownName: string | undefined;
  /** Where its dependencies are looked up: asked of Node once, on first use. */
  folders: string[] | undefined;
}

export function walkInstalledPackages(options: WalkOptions): PackageWalk {
  const fingerprint = new FingerprintBuilder();
  const packages: InstalledPackage[] = [];
  const issues: WalkIssue[] = [];
  const hostManifest = join(options.cwd, 'package.json');
  fingerprint.watchLockfile(options.cwd);
  fingerprint.watch(join(options.cwd, 'node_modules'));
  const host = readManifest(hostManifest, { stamp: true });
  if (!host.ok) {
    fingerprint.watch(hostManifest);
    const why = `the host's manifest cannot be used: ${host.why}`;
    issues.push({ origin: escapeUnsafe(hostManifest), why });
    return { packages, issues, packagesRead: 0, fingerprint: fingerprint.build() };
  }
  fingerprint.record(hostManifest, host.stamp);

  // Later levels follow what a dependency needs at run time, never its devDependencies.
  const onward = options.include.filter((f) => f !== 'devDependencies');
  const queue: Visit[] = [visitOf(hostManifest, host.manifest, 'the host', 0)];
  /** Every folder holding packages met so far (`node_modules`, `node_modules/@scope`), by path. */
  const holders = new Map<string, Holder>();
  const seenRoots = new FolderSet();
  seenRoots.add(options.cwd);
  let packagesRead = 0;

  /** Finds one declared package and reads it, unless it was met before. */
  function visit(name: string, from: Visit, list: DependencyField, where: string): void {
    if (name === from.ownName) return; // Node resolves it to the declaring package itself
    from.folders ??= dependencyFolders(from.manifestPath, name, options.cwd, options.hoisted);
    const found = locatePackage(name, from.folders);
    if (found === undefined) {
      fingerprint.unresolved(name, from.manifestPath);
      if (REQUIRED.has(list)) {
        const parents = options.hoisted
          ? ''
          : '; parent folders are searched only with hoisted: true';
        const why = `"${name}" is declared in ${where} but Node cannot find it (not installed, or a broken link${parents})`;
        issues.push({ origin: escapeUnsafe(from.manifestPath), why });
      }
      return;
    }
    let holder = holders.get(found.holder);
    if (holder === undefined) {
      // Stamped before any package in it is read: adding, removing or upgrading one changes it.
      fingerprint.watch(found.holder);
      holder = { real: undefined, met: new Set() };
      // Stryker disable next-line CallExpression: a fresh holder each time only repeats a realpath and a stamp; seenRoots still reads each folder once
      holders.set(found.holder, holder);
    }
    // Kept per holder, by entry name: the name is the dependency's own key, hashed already.
    if (holder.met.has(found.base)) return;
    // Stryker disable next-line CallExpression: without it, seenRoots below turns the repeat away
    holder.met.add(found.base);
    let root: string;
    try {
      root = realFolder(found, holder);
    } catch (cause) {
      const link = escapeUnsafe(`${found.folder}${sep}package.json`);
      issues.push({ origin: link, why: `"${name}": ${link}: ${describeFsError(cause)}` });
      return;
    }
    // A diamond, or two links to one folder: read once, by real path.
    if (!seenRoots.addFound(found, holder, root)) return;
    const manifestPath = `${root}${sep}package.json`;
    // Outside node_modules (a workspace package), it is edited in place: its stamp is the only witness.
    const linked = !root.includes(IN_NODE_MODULES);
    const read = readManifest(manifestPath, linked ? STAMPED : UNSTAMPED);
    if (!read.ok) {
      const why = `package "${shorten(name)}" is unusable: ${read.why}`;
      issues.push({ origin: escapeUnsafe(manifestPath), why });
      return;
    }
    packagesRead++;
    const { manifest } = read;
    if (linked) fingerprint.record(manifestPath, read.stamp);
    const declares = Object.hasOwn(manifest, options.field);
    const walkOn = from.depth + 1 <= options.levels;
    // Most packages declare nothing and are not walked on: their name and version are never needed.
    if (!declares && !walkOn) return;
    const facts = packageFacts(manifest, name);
    if (declares) {
      const { name: packageName, version, hasExports, claimedName } = facts;
      const pkg = {
        name: packageName,
        version,
        root,
        hasExports,
        exports: hasExports ? manifest.exports : undefined,
        field: manifest[options.field],
      };
      packages.push(claimedName === undefined ? pkg : { ...pkg, claimedName });
    }
    if (walkOn) {
      const label = `${facts.name}@${facts.version}`;
      queue.push(visitOf(manifestPath, manifest, label, from.depth + 1));
    }
  }

  for (let next = 0; next < queue.length; next++) {
    const from = queue[next] as Visit;
    for (const list of from.depth === 0 ? options.include : onward) {
      if (!Object.hasOwn(from.manifest, list)) continue;
      const declared = from.manifest[list];
      // The label is made of checked names and versions; the path is the disk's, escaped.
      const origin = escapeUnsafe(from.manifestPath);
      const where = `"${list}" of ${from.label} (${origin})`;
      if (!isPlainObject(declared)) {
        issues.push({ origin, why: `${where} is ${typeName(declared)}` });
        continue;
      }
      for (const name of Object.keys(declared)) {
        const badName = packageNameProblem(name);
        if (badName === undefined) visit(name, from, list, where);
        else issues.push({ origin, why: `${where} lists ${badName}` });
      }
    }
  }
  packages.sort((a, b) => compare(a.name, b.name) || compare(a.root, b.root));
  return { packages, issues, packagesRead, fingerprint: fingerprint.build() };
}

function visitOf(
  manifestPath: string,
  manifest: Record<string, unknown>,
  label: string,
  depth: number,
): Visit {
  const ownName = selfReferenceName(manifest);
  return { manifestPath, manifest, label, depth, ownName, folders: undefined };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
