/**
 * The untrusted pollsters (in `untrusted-plugins/`, plain JavaScript, so that
 * they run as they are in a worker, a child process or the host): each does
 * one thing no in-process loader can stop, beside one honest neighbour.
 * Used by the tests, the tour and the docs.
 *
 * They are declared by a file list in the namespace `meter.untrusted`, never
 * by an entryPoints field: a package scan of the host's dependencies (the
 * tour's, the CLI's) must never find, and load into its own process, a
 * plugin that exits or loops forever.
 */
import { fileURLToPath } from 'node:url';
import { type DiscoverySource, fileList } from '@plugin-patterns/loader';

export const UNTRUSTED_NAMESPACE = 'meter.untrusted';

/** The folder that holds them: a package of its own, so a child may read it and nothing above. */
export const UNTRUSTED_FOLDER: string = fileURLToPath(
  new URL('../untrusted-plugins/', import.meta.url),
);

export const UNTRUSTED_PLUGINS = [
  'steady',
  'loops-forever',
  'exits',
  'throws-later',
  'rejects-unhandled',
  'pollutes-prototype',
  'eats-memory',
  'reads-secrets',
] as const;

export type UntrustedPlugin = (typeof UNTRUSTED_PLUGINS)[number];

/** A file list of the named plugins (default: all of them), each a default export. */
export function untrustedPlugins(
  names: readonly UntrustedPlugin[] = UNTRUSTED_PLUGINS,
): DiscoverySource {
  const files = Object.fromEntries(names.map((name) => [name, `${name}.js`]));
  return fileList({ namespace: UNTRUSTED_NAMESPACE, files, cwd: UNTRUSTED_FOLDER });
}
