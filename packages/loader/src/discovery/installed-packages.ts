/**
 * Which packages a package scan reads: the host's *declared* dependencies,
 * and, only when asked, their dependencies in turn. Never every folder under
 * node_modules: what the host did not declare is not the host's to load, and
 * a pnpm install does not even put it there.
 *
 * Each dependency is found the way `import` would find it — in the
 * node_modules folders Node's own resolver searches, first match wins (see
 * package-lookup.ts) — so pnpm's symlinks, scoped packages and workspaces
 * behave as they do for `import`. With one narrowing: Node would also search
 * the node_modules of every parent folder, up to the root of the disk, and
 * whoever can write a folder above the host could then add plugins to it.
 * So by default the host's dependencies are looked up in its own
 * node_modules only, and a dependency's in its own folder and the
 * node_modules folder that holds it (where pnpm puts its siblings);
 * `hoisted: true` lets a workspace whose packages are hoisted to its root
 * search parent folders as Node does. Every package.json is read
 * once (a diamond is met twice but read once, by real path) and whatever goes
 * wrong with one package is an issue; the walk goes on with the next.
 */
import { dirname, join, sep } from 'node:path';
import { typeName } from '../shared/type-name.ts';
import { type Fingerprint, FingerprintBuilder } from './cache/fingerprint.ts';
import { escapeUnsafe, isPlainObject, packageNameProblem, shorten } from './declared-names.ts';
import { selfReferenceName } from './find-package-manifest.ts';
import { describeFsError, type PackageFacts, packageFacts, readManifest } from './manifest-file.ts';
import { locatePackage, lookupFolders, realFolder } from './package-lookup.ts';

export type DependencyField =
  | 'dependencies'
  | 'optionalDependencies'
  | 'devDependencies'
  | 'peerDependencies';

/** A package found by the scan: its facts and its real folder. */
export interface ScannedPackage extends PackageFacts {
  /** Real path of the package folder; its manifest is `<root>/package.json`. */
  readonly root: string;
  /**
   * The manifest's `exports`, kept by a scan (which read the file anyway) so
   * that loading one of its plugins does not read package.json again. The
   * discovery cache does not keep it: a plugin found through the cache reads
   * it when it is loaded.
   */
  readonly exports?: unknown;
}

/** A package that has the scanned field; the field is kept raw, to be checked by its reader. */
export interface InstalledPackage extends ScannedPackage {
  readonly field: unknown;
}

/**
 * Something that kept a package from being read. Both texts are printed, so
 * each untrusted part (a path, a file's text) is escaped as it is written.
 */
export interface WalkIssue {
  /** The manifest that declared the package, or the one that could not be read (escaped). */
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
  /** Search the node_modules of parent folders too, as Node does (hoisted workspaces). */
  readonly hoisted?: boolean;
}

const IN_NODE_MODULES = `${sep}node_modules${sep}`;
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
    from.folders ??= options.hoisted
      ? lookupFolders(from.manifestPath, name)
      : ownFolders(lookupFolders(from.manifestPath, name), from.manifestPath, options.cwd);
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
    const fresh = found.isLink
      ? seenRoots.add(root)
      : seenRoots.addIn(holder.real as string, found.base);
    if (!fresh) return;
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

/**
 * The lookup folders a scan may use without `hoisted`: those inside the host's
 * folder, inside the declaring package's own folder, or the node_modules
 * folder that holds the declaring package. Never a parent folder's.
 */
function ownFolders(folders: string[], manifestPath: string, host: string): string[] {
  const home = dirname(manifestPath);
  const holder = holdingModules(home);
  return folders.filter(
    (folder) => isWithin(folder, host) || isWithin(folder, home) || folder === holder,
  );
}

/** The nearest `node_modules` folder above `folder`, or undefined. */
function holdingModules(folder: string): string | undefined {
  const at = folder.lastIndexOf(IN_NODE_MODULES);
  return at === -1 ? undefined : folder.slice(0, at + IN_NODE_MODULES.length - 1);
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}${sep}`);
}

/** What the walk knows about one folder that holds packages. */
interface Holder {
  /** Its real path, asked of the system the first time a package in it needs it. */
  real: string | undefined;
  /** Names of the entries in it already met (a diamond meets a package twice). */
  readonly met: Set<string>;
}

/**
 * A set of folder paths, kept as parent folder → names. A package's real
 * folder is usually its holder's real path (one string, hashed once) and its
 * own entry name (the dependency's key, hashed already), so checking it costs
 * no hashing of a freshly built full path.
 */
class FolderSet {
  readonly #byParent = new Map<string, Set<string>>();

  /** Adds `path`; false when it was there already. */
  add(path: string): boolean {
    const cut = path.lastIndexOf(sep);
    return this.addIn(path.slice(0, cut), path.slice(cut + 1));
  }

  /** Adds `parent/name`; false when it was there already. */
  addIn(parent: string, name: string): boolean {
    let names = this.#byParent.get(parent);
    if (names === undefined) {
      names = new Set();
      this.#byParent.set(parent, names);
    }
    if (names.has(name)) return false;
    names.add(name);
    return true;
  }
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
