/**
 * The one place plugin code enters the process: Node's own `import()`, then
 * the named export. Every failure comes back as a PluginImportError carrying
 * the plugin's identity, so a broken plugin is reported, not a stack trace from
 * deep inside the host.
 */
import type { ImportTarget } from '../discovery/entry-point.ts';
import { PluginImportError } from '../errors/kinds.ts';

export interface ImportWho {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
}

/** Swappable for tests; the default is `importExport`. */
export type Importer = (target: ImportTarget, who: ImportWho) => Promise<unknown>;

export const importExport: Importer = async (target, who) => {
  let module: Record<string, unknown>;
  try {
    module = (await import(target.url)) as Record<string, unknown>;
  } catch (cause) {
    throw new PluginImportError(who.reference, { namespace: who.namespace, name: who.name, cause });
  }
  // Own properties only: a module namespace has no prototype, but be explicit.
  if (!Object.hasOwn(module, target.exportName) || module[target.exportName] === undefined) {
    const names = Object.keys(module);
    const has = names.length === 0 ? 'it has no exports' : `it exports ${names.join(', ')}`;
    throw new PluginImportError(who.reference, {
      namespace: who.namespace,
      name: who.name,
      cause: undefined,
      detail: `the module has no export "${target.exportName}" (${has})`,
    });
  }
  return module[target.exportName];
};
