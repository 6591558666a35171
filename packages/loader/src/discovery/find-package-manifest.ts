/**
 * Where `import 'name'` written in a file finds the package `name`: the path
 * of its package.json, or undefined when nothing is found.
 *
 * Node.js answers this itself with `module.findPackageJSON`; Bun has no such
 * function. So on Node the answer is Node's own, and where the function is
 * missing the same answer is worked out with the package scan's lookup
 * (package-lookup.ts), which keeps Node's node_modules rule, plus the one case
 * that lookup leaves to its caller, a package importing itself by name (Node's
 * self-reference). The function is read at call time, so a runtime that gains
 * it is asked from then on.
 *
 * A package's folder may lack a package.json: Node still names the path, and
 * so does the lookup; the caller's read of it says what is wrong. One answer
 * differs: from a file inside an installed package, Node also tries a folder
 * `node_modules/node_modules/<name>`, which the lookup (CommonJS's list)
 * skips; the callers ask from a host's or a manifest's folder, not from there.
 */
import { statSync } from 'node:fs';
// A property read, not a named import: Node.js older than 22.14 and Bun lack
// it, and a missing named import fails the whole import before the version
// check can speak (or, on Bun, before anything runs).
import * as nodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from './manifest-file.ts';
import { locatePackage, lookupFolders } from './package-lookup.ts';

/** The package.json that `import name` from the file `base` finds; undefined if none. */
export function findPackageManifest(name: string, base: URL): string | undefined {
  const find = nodeModule.findPackageJSON;
  try {
    return typeof find === 'function'
      ? find(name, base)
      : lookupPackageManifest(name, fileURLToPath(base));
  } catch {
    // Node throws when the package is not found; the lookup, when a folder on
    // the way cannot be read (EACCES, a file where a folder was): not found either.
  }
  return undefined;
}

/** The answer `findPackageJSON` gives, from the node_modules lookup and the importer's own scope. */
export function lookupPackageManifest(name: string, from: string): string | undefined {
  const scope = packageScope(dirname(from));
  // A scope Node cannot parse fails Node's lookup as a whole.
  if (scope === 'invalid') return undefined;
  if (scope !== undefined && selfReferenceName(scope.manifest) === name) return scope.path;
  const found = locatePackage(name, lookupFolders(from, name));
  return found === undefined ? undefined : join(found.folder, 'package.json');
}

interface Scope {
  readonly path: string;
  readonly manifest: Record<string, unknown>;
}

/**
 * The package a file belongs to: the nearest package.json above it, not
 * looking past a node_modules folder (a file there without one belongs to none).
 */
function packageScope(folder: string): Scope | 'invalid' | undefined {
  for (let at = folder; basename(at) !== 'node_modules'; at = dirname(at)) {
    const path = join(at, 'package.json');
    // Missing, or a folder: Node looks further up.
    if (statSync(path, { throwIfNoEntry: false })?.isFile() === true) {
      // Node refuses a package.json that is not a JSON object: not JSON, an array, null, a string...
      const read = readManifest(path);
      return read.ok ? { path, manifest: read.manifest } : 'invalid';
    }
    if (dirname(at) === at) break; // the root
  }
  return undefined;
}

/**
 * The name by which a package may import itself (Node's self-reference), or
 * undefined. Node allows it when its `exports` is a string, an array or an
 * object; `null`, a boolean or a number do not count. The package scan asks
 * this too: a dependency by that name is the package itself, never another.
 */
export function selfReferenceName(manifest: Record<string, unknown>): string | undefined {
  const name = Object.hasOwn(manifest, 'name') ? manifest.name : undefined;
  const exports = Object.hasOwn(manifest, 'exports') ? manifest.exports : undefined;
  const referable =
    (typeof exports === 'string' || typeof exports === 'object') && exports !== null;
  return referable && typeof name === 'string' ? name : undefined;
}
