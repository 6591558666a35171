/**
 * Where a walk looks up the dependencies a manifest declares. Each is found
 * the way `import` would find it, in the node_modules folders Node's own
 * resolver searches (package-lookup.ts), with one narrowing: Node would also
 * search the node_modules of every parent folder, up to the root of the disk,
 * and whoever can write a folder above the host could then add plugins to it.
 * So by default the host's dependencies are looked up in its own
 * node_modules only, and a dependency's in its own folder and the
 * node_modules folder that holds it (where pnpm puts its siblings);
 * `hoisted: true` lets a workspace whose packages are hoisted to its root
 * search parent folders as Node does.
 */
import { dirname, sep } from 'node:path';
import { lookupFolders } from './package-lookup.ts';

/** A path below this is inside an install; outside it, a workspace package edited in place. */
export const IN_NODE_MODULES: string = `${sep}node_modules${sep}`;

/**
 * The folders, nearest first, where `name` declared in the manifest at
 * `manifestPath` is looked up, for a host at `host`. The walk asks once per
 * manifest: the list depends on where the manifest is, not on the name.
 */
export function dependencyFolders(
  manifestPath: string,
  name: string,
  host: string,
  hoisted: boolean | undefined,
): string[] {
  const folders = lookupFolders(manifestPath, name);
  return hoisted ? folders : ownFolders(folders, manifestPath, host);
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
