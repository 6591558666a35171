/**
 * Discovery by scanning a folder of plugin files, the way Diamond finds its
 * collectors and Blogofile its filters: every module in the folder is a
 * plugin, named after its file (`cpu.js` is the plugin `cpu`).
 *
 * A host chooses it when plugins are dropped in by users rather than
 * installed — a `plugins/` folder next to a configuration file. Adding a file
 * is the whole act of installing, which is convenient and also the risk: any
 * file that lands in the folder runs. So the scan is narrow on purpose: one
 * level (no subfolders), only the listed extensions, and never dotfiles,
 * tests (`*.test.*`, `*.spec.*`) or type declarations (`*.d.ts`). Plugins
 * come back sorted by name, so the order does not depend on the file system.
 *
 * And it keeps to its folder, as a package's references keep to their
 * package: a file in it that is a link is followed only to a file inside the
 * folder's real path; one that leads out is refused (ReferenceEscapeError),
 * and the importer checks again just before importing.
 */
import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { isInside, resolveFile } from '../shared/resolve.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { exportNameProblem, namespaceProblem, pluginNameProblem } from './declared-names.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
} from './entry-point.ts';
import { describeFsError } from './manifest-file.ts';

export interface DirectoryScanOptions {
  readonly namespace: string;
  /** The folder of plugin files; a relative path is read from `cwd`. */
  readonly directory: string;
  /** The export every file provides. Default: `default`. */
  readonly exportName?: string;
  /** File endings that count as plugins. Default: `.js`, `.mjs`, `.ts`. */
  readonly extensions?: readonly string[];
  /** Default: `process.cwd()`. */
  readonly cwd?: string;
}

const DEFAULT_EXTENSIONS = ['.js', '.mjs', '.ts'];
/** Files beside plugins that are never plugins themselves. */
const NOT_PLUGINS = /\.(test|spec)\.|\.d\.[cm]?ts$/;

export function directoryScan(options: DirectoryScanOptions): DiscoverySource {
  const namespace = options.namespace;
  const exportName = options.exportName ?? 'default';
  const bad = namespaceProblem(namespace) ?? exportNameProblem(exportName);
  if (bad !== undefined) throw new TypeError(`directoryScan: ${bad}`);
  const directory = resolve(options.cwd ?? process.cwd(), options.directory);
  // Longest first, so with `.plugin.js` and `.js` listed, `cpu.plugin.js` is named `cpu`.
  const extensions = [...(options.extensions ?? DEFAULT_EXTENSIONS)].sort(
    (a, b) => b.length - a.length,
  );
  return {
    kind: 'directory-scan',
    discover(wanted?: string): DiscoveryReport {
      if (wanted !== undefined && wanted !== namespace) return { entryPoints: [], problems: [] };
      return scan({ namespace, directory, exportName, extensions });
    },
  };
}

interface Scan {
  readonly namespace: string;
  readonly directory: string;
  readonly exportName: string;
  readonly extensions: readonly string[];
}

function scan({ namespace, directory, exportName, extensions }: Scan): DiscoveryReport {
  const entryPoints: EntryPoint[] = [];
  const problems: DiscoveryProblem[] = [];
  let files: Dirent[];
  let realDirectory: string;
  try {
    files = readdirSync(directory, { withFileTypes: true });
    realDirectory = realpathSync.native(directory);
  } catch (cause) {
    const shown = escapeUnsafe(directory);
    const why = `plugin folder ${shown} cannot be read: ${describeFsError(cause)}`;
    const error = new DiscoveryError(why, { namespace, cause });
    return { entryPoints, problems: [{ namespace, name: undefined, origin: shown, error }] };
  }
  const candidates: { name: string; file: string }[] = [];
  for (const entry of files) {
    if (entry.name.startsWith('.') || entry.isDirectory() || NOT_PLUGINS.test(entry.name)) continue;
    const ending = extensions.find((e) => entry.name.endsWith(e));
    if (ending === undefined) continue;
    const name = entry.name.slice(0, -ending.length);
    if (name === '') continue;
    candidates.push({ name, file: entry.name });
  }
  candidates.sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file));

  for (const { name, file } of candidates) {
    const path = join(directory, file);
    const badName = pluginNameProblem(name);
    const refuse = (reason: string, cause?: unknown, escapes = false) => {
      const known = badName === undefined ? name : undefined;
      const who = { namespace, name: known, cause };
      // Anyone who can write the folder names its files: paths are escaped for messages.
      const why = escapeUnsafe(reason);
      const error = escapes
        ? new ReferenceEscapeError(file, why, who)
        : new DiscoveryError(why, who);
      const source = { kind: 'file', path, via: 'directory-scan' } as const;
      const origin = escapeUnsafe(path);
      problems.push({ namespace, name: known, origin, reference: file, source, error });
    };
    if (badName !== undefined) {
      refuse(`plugin file ${path}: ${badName}`);
      continue;
    }
    try {
      // A link to a folder (or to nothing) is not a plugin file.
      if (!statSync(path).isFile()) continue;
    } catch (cause) {
      refuse(`plugin file ${path} cannot be used: ${describeFsError(cause)}`, cause);
      continue;
    }
    const resolved = resolveFile(path, exportName);
    if (!resolved.ok) {
      refuse(resolved.why, resolved.cause);
      continue;
    }
    const real = fileURLToPath(resolved.target.url);
    if (!isInside(real, realDirectory)) {
      refuse(`it resolves to ${real}, outside the plugin folder ${realDirectory}`, undefined, true);
      continue;
    }
    entryPoints.push({
      namespace,
      name,
      reference: exportName === 'default' ? file : `${file}:${exportName}`,
      source: { kind: 'file', path: real, via: 'directory-scan' },
      target: { ...resolved.target, within: realDirectory },
    });
  }
  return { entryPoints, problems };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
