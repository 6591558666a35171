/**
 * The one place plugin code enters the process: Node's own `import()`, then
 * the named export. Every failure comes back as a PluginImportError carrying
 * the plugin's identity, so a broken plugin is reported, not a stack trace from
 * deep inside the host.
 */

import { fileURLToPath } from 'node:url';
import { PluginImportError } from '../errors/kinds.ts';
import type { ImportTarget } from '../shared/import-target.ts';
import { isInside, realBelow } from '../shared/resolve.ts';

export interface ImportWho {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
}

/** Swappable for tests; the default is `importExport`. */
export type Importer = (target: ImportTarget, who: ImportWho) => Promise<unknown>;

export const importExport: Importer = (target, who) => {
  const moved = target.within === undefined ? undefined : movedOut(target.url, target.within);
  if (moved !== undefined) {
    const { namespace, name } = who;
    return Promise.reject(
      new PluginImportError(who.reference, { namespace, name, cause: undefined, detail: moved }),
    );
  }
  return importAndTake(target, who);
};

/**
 * Check, then swap: the module was checked to lie inside its folder when it
 * was resolved, maybe long before, and a file can be replaced by a link to
 * anywhere in between. So its containment is checked again here, immediately
 * before the import (one `lstat` per part of the path below the folder).
 */
function movedOut(url: string, within: string): string | undefined {
  let real: string;
  try {
    real = realBelow(within, fileURLToPath(url));
  } catch {
    return undefined; // gone: the import itself fails, and says so
  }
  if (isInside(real, within)) return undefined;
  return `it now resolves to ${real}, outside ${within}, where it was checked to lie: the file was replaced after it was checked`;
}

const importAndTake = (target: ImportTarget, who: ImportWho): Promise<unknown> =>
  (target.import === undefined ? import(target.url) : Promise.resolve().then(target.import)).then(
    (module) => exportOf(module as Record<string, unknown>, target, who),
    (cause: unknown) => {
      throw new PluginImportError(who.reference, {
        namespace: who.namespace,
        name: who.name,
        cause,
      });
    },
  );

/** The named export, or a PluginImportError saying what the module does export. */
function exportOf(module: Record<string, unknown>, target: ImportTarget, who: ImportWho): unknown {
  // A module namespace object has no prototype: whatever it holds is the module's own export.
  const exported = module[target.exportName];
  if (exported === undefined) {
    const names = Object.keys(module);
    const has = names.length === 0 ? 'it has no exports' : `it exports ${names.join(', ')}`;
    throw new PluginImportError(who.reference, {
      namespace: who.namespace,
      name: who.name,
      cause: undefined,
      detail: `the module has no export "${target.exportName}" (${has})`,
    });
  }
  return exported;
}
