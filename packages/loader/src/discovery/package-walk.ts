/**
 * What a walk of the installed packages is asked (`WalkOptions`) and what it
 * hands back (`PackageWalk`): the packages that declare the scanned field,
 * and the issues that kept others from being read. The scan's findings, the
 * discovery cache and the entry points are all built from these shapes; the
 * walk itself is in installed-packages.ts.
 */
import type { Fingerprint } from './cache/fingerprint.ts';
import type { PackageFacts } from './manifest-file.ts';

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
