/**
 * The runtimes this package runs on, checked when the package is first
 * imported, so that an older Node.js says what it needs instead of failing on
 * the first newer API it lacks (Node.js 20 stops at `findPackageJSON`, a
 * SyntaxError about a missing export; Node.js 22.12 at `node:sqlite`).
 *
 * The floor is the one in every package's `engines`: 22.18 runs TypeScript
 * sources without a flag (the tests and the docs examples do), and has every
 * API the packages call (`module.findPackageJSON`, `node:sqlite` without a flag,
 * `require(esm)`). Bun and Deno answer `process.versions.node` with a version of
 * their own choosing, so the check leaves them alone: what works there is
 * tested on its own (see docs/use-it-outside-this-repository.md).
 */

export const MINIMUM_NODE = '22.18.0';

/** Why this runtime cannot run the packages, or undefined when it can. */
export function unsupportedNode(
  versions: Readonly<Record<string, string | undefined>> = process.versions,
): string | undefined {
  if (versions.bun !== undefined || versions.deno !== undefined) return undefined;
  const [major = 0, minor = 0] = (versions.node ?? '0.0.0').split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 18)) return undefined;
  return `needs Node.js ${MINIMUM_NODE} or later (22.18+ or 24); this is Node.js ${versions.node}`;
}

/** Thrown when the package is imported on a Node.js older than the floor. */
export class UnsupportedNodeError extends Error {}
// On the prototype, so that the stack, written when the error is made, starts with the name.
UnsupportedNodeError.prototype.name = 'UnsupportedNodeError';

/** Throws, naming the package and the Node.js it needs, on an unsupported Node.js. */
export function assertSupportedNode(packageName: string): void {
  const reason = unsupportedNode();
  if (reason === undefined) return;
  throw new UnsupportedNodeError(
    `${packageName} ${reason}. Install a newer Node.js (https://nodejs.org).`,
  );
}
