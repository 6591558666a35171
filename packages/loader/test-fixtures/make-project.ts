/**
 * Builds a fake installed project in a temporary folder: a host package.json
 * and a node_modules laid out the way npm (flat folders) or pnpm (a `.pnpm`
 * store reached through symlinks) would lay it out. node_modules folders are
 * git-ignored, so tests build them here, from the real package folders under
 * `test-fixtures/packages/` or from specs written inline.
 *
 * Changes mimic a package manager: an upgrade writes the new folder beside the
 * old one and renames it into place, a removal deletes the folder or link.
 */
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export type Layout = 'npm' | 'pnpm';

export interface PackageSpec {
  readonly name: string;
  readonly version?: string;
  /** A folder under test-fixtures/packages/ copied first (its package.json is the base manifest). */
  readonly template?: string;
  /** package.json fields; they override the template's. */
  readonly manifest?: Readonly<Record<string, unknown>>;
  /** Extra files: path inside the package -> content. */
  readonly files?: Readonly<Record<string, string>>;
  /** Written as package.json verbatim, for manifests that are not JSON. */
  readonly rawManifest?: string;
  /** Symbolic links inside the package: path -> target. */
  readonly links?: Readonly<Record<string, string>>;
}

export interface ProjectSpec {
  readonly layout?: Layout;
  /** Host package.json fields (name defaults to `host-app`). */
  readonly host?: Readonly<Record<string, unknown>>;
  readonly packages?: readonly PackageSpec[];
  /** Writes an (empty) package-lock.json beside the host manifest. */
  readonly lockfile?: boolean;
}

export interface FakeProject {
  /** The temporary folder holding the host and anything "outside" it. */
  readonly root: string;
  /** The host's folder (a real path). */
  readonly dir: string;
  readonly layout: Layout;
  /** Rewrites the host's package.json. */
  setHost(manifest: Readonly<Record<string, unknown>>): void;
  /** Installs or upgrades a package; returns its real folder. */
  install(spec: PackageSpec): string;
  uninstall(name: string): void;
  /** Links node_modules/NAME to a folder outside node_modules, as a workspace does. */
  linkWorkspace(name: string, folder: string): void;
  remove(): void;
}

const TEMPLATES = join(import.meta.dirname, 'packages');

export function makeProject(spec: ProjectSpec = {}): FakeProject {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'plugin-patterns-')));
  const dir = join(root, 'host');
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const layout = spec.layout ?? 'npm';
  /** name -> real folder, for pnpm's links between packages. */
  const installed = new Map<string, string>();
  let host: Readonly<Record<string, unknown>> = {};

  const project: FakeProject = {
    root,
    dir,
    layout,
    setHost(manifest) {
      host = manifest;
      writeJson(join(dir, 'package.json'), { name: 'host-app', version: '1.0.0', ...manifest });
      if (layout === 'pnpm') relink();
    },
    install(pkg) {
      const version = pkg.version ?? versionOf(pkg) ?? '1.0.0';
      const target =
        layout === 'npm'
          ? join(modules, pkg.name)
          : join(
              modules,
              '.pnpm',
              `${pkg.name.replace('/', '+')}@${version}`,
              'node_modules',
              pkg.name,
            );
      const staging = join(dirname(target), `.staging-${randomBytes(4).toString('hex')}`);
      writePackage(staging, pkg, version);
      replace(target, staging);
      installed.set(pkg.name, target);
      if (layout === 'pnpm') relink();
      return target;
    },
    uninstall(name) {
      rmSync(join(modules, name), { recursive: true, force: true });
      installed.delete(name);
    },
    linkWorkspace(name, folder) {
      link(join(modules, name), folder);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };

  /** pnpm: the host sees its declared packages; each package sees its own dependencies. */
  function relink(): void {
    for (const name of declaredBy(host)) {
      const target = installed.get(name);
      if (target !== undefined) link(join(modules, name), target);
    }
    for (const [owner, folder] of installed) {
      // A package's dependencies sit beside it, in `.pnpm/<owner>@<version>/node_modules/`.
      const beside = owner.startsWith('@') ? dirname(dirname(folder)) : dirname(folder);
      for (const name of declaredBy(readJson(join(folder, 'package.json')) ?? {})) {
        const target = installed.get(name);
        if (target !== undefined) link(join(beside, name), target);
      }
    }
  }

  project.setHost(spec.host ?? {});
  if (spec.lockfile === true) writeJson(join(dir, 'package-lock.json'), { lockfileVersion: 3 });
  for (const pkg of spec.packages ?? []) project.install(pkg);
  return project;
}

function writePackage(folder: string, pkg: PackageSpec, version: string): void {
  mkdirSync(folder, { recursive: true });
  let manifest: Record<string, unknown> = {};
  if (pkg.template !== undefined) {
    cpSync(join(TEMPLATES, pkg.template), folder, { recursive: true });
    manifest = readJson(join(folder, 'package.json')) ?? {};
  }
  for (const [path, content] of Object.entries(pkg.files ?? {})) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  for (const [path, target] of Object.entries(pkg.links ?? {})) link(join(folder, path), target);
  const file = join(folder, 'package.json');
  if (pkg.rawManifest !== undefined) writeFileSync(file, pkg.rawManifest);
  else writeJson(file, { ...manifest, name: pkg.name, version, ...pkg.manifest });
}

/** Moves the old folder away, the new one in, then deletes the old: never a half-written package. */
function replace(target: string, staging: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const retired = `${staging}-retired`;
  const existed = existsSync(target);
  if (existed) renameSync(target, retired);
  renameSync(staging, target);
  if (existed) rmSync(retired, { recursive: true, force: true });
}

/** A relative symlink, replacing whatever is there. */
function link(at: string, target: string): void {
  mkdirSync(dirname(at), { recursive: true });
  rmSync(at, { recursive: true, force: true });
  symlinkSync(relative(dirname(at), target) || '.', at);
}

function declaredBy(manifest: Readonly<Record<string, unknown>>): string[] {
  const lists = ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'];
  return lists.flatMap((list) => Object.keys((manifest[list] as object | undefined) ?? {}));
}

function versionOf(pkg: PackageSpec): string | undefined {
  if (pkg.template === undefined) return undefined;
  const version = readJson(join(TEMPLATES, pkg.template, 'package.json'))?.version;
  return typeof version === 'string' ? version : undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
