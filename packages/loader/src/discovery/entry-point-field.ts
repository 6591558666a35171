/**
 * The `entryPoints` field of a package.json, read as untrusted input.
 *
 *     "entryPoints": { "meter.storage": { "memory": "./storage/memory:MemoryStorage" } }
 *
 * Any installed package can write anything here, and the scan must survive
 * it: the field has to be an object of objects of strings, namespaces and names
 * must be short printable identifiers, and keys such as `__proto__` are refused
 * rather than assigned (nothing here writes into an object keyed by a declared
 * name). Each bad part becomes an issue that names the package and the field,
 * and the rest of the field is still read. References are checked statically
 * here (`parsePackageReference`); resolving them to files is left for later.
 */
import { parsePackageReference } from '../shared/reference.ts';
import { typeName } from '../shared/type-name.ts';
import { isPlainObject, namespaceProblem, pluginNameProblem, shorten } from './declared-names.ts';

/** Beyond this, a package is not declaring plugins but flooding the scan. */
export const MAX_DECLARATIONS_PER_PACKAGE = 1000;

/** One accepted declaration: plugin NAME of NAMESPACE at MODULE:EXPORT. */
export interface Declaration {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  /** `.` or `./subpath` of the declaring package. */
  readonly module: string;
  readonly exportName: string;
}

/** A part of the field that was refused, and why. */
export interface FieldIssue {
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  /** Set when the reference itself was refused (an escape or a malformed one). */
  readonly reference?: unknown;
  readonly why: string;
}

export interface FieldReading {
  readonly declarations: Declaration[];
  readonly issues: FieldIssue[];
}

/** Where a field was read, for messages: the field's name and the declaring package. */
export interface FieldPlace {
  readonly field: string;
  readonly packageLabel: string;
}

export function readEntryPointField(value: unknown, where: FieldPlace): FieldReading {
  const declarations: Declaration[] = [];
  const issues: FieldIssue[] = [];
  if (!isPlainObject(value)) {
    const why = `${fieldPath(where)} must be an object of namespaces, not ${typeName(value)}`;
    return { declarations, issues: [{ namespace: undefined, name: undefined, why }] };
  }
  let count = 0;
  // Keys rather than entries: no pair per key, and a refused namespace's value is never read.
  for (const namespace of Object.keys(value)) {
    const badNamespace = namespaceProblem(namespace);
    if (badNamespace !== undefined) {
      const why = `${fieldPath(where)}: ${badNamespace}`;
      issues.push({ namespace: undefined, name: undefined, why });
      continue;
    }
    const plugins = value[namespace];
    if (!isPlainObject(plugins)) {
      const why = `${fieldPath(where, namespace)} must be an object of NAME: "MODULE:EXPORT", not ${typeName(plugins)}`;
      issues.push({ namespace, name: undefined, why });
      continue;
    }
    for (const name of Object.keys(plugins)) {
      if (++count > MAX_DECLARATIONS_PER_PACKAGE) {
        const why = `${fieldPath(where)} declares more than ${MAX_DECLARATIONS_PER_PACKAGE} plugins; the rest are ignored`;
        issues.push({ namespace: undefined, name: undefined, why });
        return { declarations, issues };
      }
      const checked = checkDeclaration(namespace, name, plugins[name], where);
      if ('why' in checked) issues.push(checked);
      else declarations.push(checked);
    }
  }
  return { declarations, issues };
}

/**
 * One plugin of an accepted namespace: its name, then its reference. The
 * field walk above and the discovery cache, which checks every declaration
 * it kept again on load, both call this, so the two refuse exactly the same
 * things in the same words. (The cache first tries the two checks this one
 * starts with, `isPlainPluginName` and `isPlainReference`, and calls it only
 * for a declaration that fails one of them.)
 */
export function checkDeclaration(
  namespace: string,
  name: string,
  reference: unknown,
  where: FieldPlace,
): Declaration | FieldIssue {
  const badName = pluginNameProblem(name);
  if (badName !== undefined) {
    return { namespace, name: undefined, why: `${fieldPath(where, namespace)}: ${badName}` };
  }
  // The same parse as an import's (plain form first), so the two cannot disagree.
  const parsed = parsePackageReference(reference);
  if (!parsed.ok) {
    // The parser refuses any character a terminal acts on before it quotes
    // anything (shared/unsafe-text.ts), so its reason is safe to show as it is.
    const why = `${parsed.why} (${fieldPath(where, namespace, name)})`;
    return { namespace, name, reference, why };
  }
  const { module, exportName } = parsed.reference;
  return { namespace, name, reference: reference as string, module, exportName };
}

/** `"entryPoints"["meter.storage"]["memory"] of package acme@1.0.0 (…)`: a place in a field. */
function fieldPath(where: FieldPlace, ...keys: string[]): string {
  const path = keys.map((k) => `[${JSON.stringify(shorten(k))}]`).join('');
  return `"${where.field}"${path} of ${where.packageLabel}`;
}
