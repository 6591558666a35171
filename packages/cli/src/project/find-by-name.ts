/**
 * Looking up what the user typed. A name that does not exist is almost always
 * a typo, so the error names the closest existing one (by edit distance) and
 * lists what there is when the list is short enough to read.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import { closestName } from '@plugin-patterns/loader/invocation';
import { CliError } from '../exit-codes.ts';
import type { Project } from './open-project.ts';

const LIST_LIMIT = 12;

export function requireNamespace(project: Project, namespace: string): void {
  if (project.namespaces.includes(namespace)) return;
  throw notFound(`no namespace "${namespace}" in ${project.root}`, namespace, project.namespaces, {
    none: `no installed package declares entry points (scanned by ${project.scannedBy})`,
    kind: 'namespaces',
  });
}

/** Every extension declared under the name: more than one means several packages claim it. */
export function requireExtensions(set: ExtensionSet<unknown>, name: string): Extension<unknown>[] {
  const found = set.named(name);
  if (found.length > 0) return found;
  throw notFound(`no plugin "${name}" in namespace ${set.namespace}`, name, set.names(), {
    none: 'the namespace has no plugins',
    kind: 'plugins',
  });
}

function notFound(
  message: string,
  wanted: string,
  existing: readonly string[],
  words: { none: string; kind: string },
): CliError {
  const closest = closestName(wanted, existing);
  const suggestion = closest === undefined ? '' : `. Did you mean "${closest}"?`;
  let hint: string;
  if (existing.length === 0) hint = words.none;
  else if (existing.length <= LIST_LIMIT) hint = `${words.kind}: ${existing.join(', ')}`;
  else hint = `run "plugin-patterns list" to see all ${existing.length} ${words.kind}`;
  return new CliError(`${message}${suggestion}`, { hint });
}
