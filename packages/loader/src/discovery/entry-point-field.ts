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
import { parsePackageReference } from '../importing/reference.ts';
import {
  isPlainObject,
  namespaceProblem,
  pluginNameProblem,
  shorten,
  typeName,
} from './declared-names.ts';

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

export function readEntryPointField(
  value: unknown,
  where: { readonly field: string; readonly packageLabel: string },
): FieldReading {
  const declarations: Declaration[] = [];
  const issues: FieldIssue[] = [];
  const at = (...keys: string[]) =>
    `"${where.field}"${keys.map((k) => `[${JSON.stringify(shorten(k))}]`).join('')} of ${where.packageLabel}`;

  if (!isPlainObject(value)) {
    const why = `${at()} must be an object of namespaces, not ${typeName(value)}`;
    return { declarations, issues: [{ namespace: undefined, name: undefined, why }] };
  }
  let count = 0;
  for (const [namespace, plugins] of Object.entries(value)) {
    const badNamespace = namespaceProblem(namespace);
    if (badNamespace !== undefined) {
      issues.push({ namespace: undefined, name: undefined, why: `${at()}: ${badNamespace}` });
      continue;
    }
    if (!isPlainObject(plugins)) {
      const why = `${at(namespace)} must be an object of NAME: "MODULE:EXPORT", not ${typeName(plugins)}`;
      issues.push({ namespace, name: undefined, why });
      continue;
    }
    for (const [name, reference] of Object.entries(plugins)) {
      if (++count > MAX_DECLARATIONS_PER_PACKAGE) {
        const why = `${at()} declares more than ${MAX_DECLARATIONS_PER_PACKAGE} plugins; the rest are ignored`;
        issues.push({ namespace: undefined, name: undefined, why });
        return { declarations, issues };
      }
      const badName = pluginNameProblem(name);
      if (badName !== undefined) {
        issues.push({ namespace, name: undefined, why: `${at(namespace)}: ${badName}` });
        continue;
      }
      const parsed = parsePackageReference(reference);
      if (!parsed.ok) {
        issues.push({ namespace, name, reference, why: `${parsed.why} (${at(namespace, name)})` });
        continue;
      }
      declarations.push({
        namespace,
        name,
        reference: reference as string,
        module: parsed.reference.module,
        exportName: parsed.reference.exportName,
      });
    }
  }
  return { declarations, issues };
}
