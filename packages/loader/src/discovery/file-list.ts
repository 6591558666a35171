/**
 * Discovery from an explicit list of plugin files: the host names each plugin
 * and the file that holds it. No package, no manifest, no scan.
 *
 * A host chooses it for plugins that are not packages — a script in the
 * project, a file a user points the configuration at — and when the list is
 * short and written by hand. Paths are taken as given (relative ones from the
 * host's folder) and each is checked to be a real, readable file at discovery,
 * so a typo is reported before anything runs; a missing file is a problem and
 * the other plugins still load.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscoveryError } from '../errors/kinds.ts';
import { resolveFile } from '../shared/resolve.ts';
import { typeName } from '../shared/type-name.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import {
  exportNameProblem,
  isPlainObject,
  namespaceProblem,
  pluginNameProblem,
  shorten,
} from './declared-names.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
} from './entry-point.ts';
import { describeFsError } from './manifest-file.ts';

/** A path (default export), or a path and the export to take. */
export type PluginFile = string | { readonly path: string; readonly export?: string };

export interface FileListOptions {
  readonly namespace: string;
  /** Plugin name -> file. Relative paths are read from `cwd`. */
  readonly files: Readonly<Record<string, PluginFile>>;
  /** Default: `process.cwd()`. */
  readonly cwd?: string;
}

export function fileList(options: FileListOptions): DiscoverySource {
  const namespace = options.namespace;
  const badNamespace = namespaceProblem(namespace);
  if (badNamespace !== undefined) throw new TypeError(`fileList: ${badNamespace}`);
  const cwd = resolve(options.cwd ?? process.cwd());
  return {
    kind: 'file-list',
    discover(wanted?: string): DiscoveryReport {
      const entryPoints: EntryPoint[] = [];
      const problems: DiscoveryProblem[] = [];
      if (wanted !== undefined && wanted !== namespace) return { entryPoints, problems };
      for (const [name, file] of Object.entries(options.files)) {
        const found = entryFor(namespace, name, file, cwd);
        if ('error' in found) problems.push(found);
        else entryPoints.push(found);
      }
      return { entryPoints, problems };
    },
  };
}

function entryFor(
  namespace: string,
  name: string,
  file: unknown,
  cwd: string,
): EntryPoint | DiscoveryProblem {
  const path = typeof file === 'string' ? file : isPlainObject(file) ? file.path : undefined;
  const exportName = isPlainObject(file) && file.export !== undefined ? file.export : 'default';
  const absolute = typeof path === 'string' ? resolve(cwd, path) : undefined;
  const badName = pluginNameProblem(name);
  const known = badName === undefined ? name : undefined;
  // A path, and the system's words about it, can hold anything: escaped for messages.
  const refuse = (why: string, cause?: unknown): DiscoveryProblem => ({
    namespace,
    name: known,
    origin:
      absolute === undefined ? `file list, plugin "${shorten(name)}"` : escapeUnsafe(absolute),
    reference: typeof path === 'string' ? path : undefined,
    ...(absolute === undefined
      ? {}
      : { source: { kind: 'file', path: absolute, via: 'file-list' } }),
    error: new DiscoveryError(escapeUnsafe(why), { namespace, name: known, cause }),
  });

  if (badName !== undefined) return refuse(badName);
  if (absolute === undefined || typeof path !== 'string' || path === '') {
    return refuse(`a plugin file must be a path or { path, export }, not ${typeName(file)}`);
  }
  const badExport = exportNameProblem(exportName);
  if (badExport !== undefined) return refuse(badExport);
  try {
    if (!statSync(absolute).isFile()) return refuse(`plugin file ${absolute} is not a file`);
  } catch (cause) {
    return refuse(`plugin file ${absolute} cannot be used: ${describeFsError(cause)}`, cause);
  }
  const resolved = resolveFile(absolute, exportName as string);
  if (!resolved.ok) return refuse(resolved.why, resolved.cause);
  return {
    namespace,
    name,
    reference: exportName === 'default' ? path : `${path}:${exportName}`,
    source: { kind: 'file', path: fileURLToPath(resolved.target.url), via: 'file-list' },
    target: resolved.target,
  };
}
