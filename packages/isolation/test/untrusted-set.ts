// Test helper: the untrusted pollsters, loaded through one isolation, and a way
// to read one call's outcome as data.
import { ExtensionSet } from '@plugin-patterns/loader';
import { type Isolation, type IsolationOptions, isolation } from '../src/index.ts';
import {
  UNTRUSTED_NAMESPACE,
  type UntrustedPlugin,
  untrustedPlugins,
} from '../src/untrusted-plugins.ts';

export interface RemotePollster {
  readonly meters: readonly string[];
  poll(): Promise<unknown>;
}

export interface UntrustedSet {
  readonly set: ExtensionSet<RemotePollster>;
  readonly isolated: Isolation<RemotePollster>;
}

/** Every isolation a test made, to be closed after it (see `closeAll`). */
const opened: Isolation<RemotePollster>[] = [];

export async function loadUntrusted(
  names: readonly UntrustedPlugin[],
  options: IsolationOptions,
): Promise<UntrustedSet> {
  const isolated = isolation<RemotePollster>(options);
  opened.push(isolated);
  const set = ExtensionSet.discover<RemotePollster>({
    namespace: UNTRUSTED_NAMESPACE,
    sources: [untrustedPlugins(names)],
    importer: isolated.importer,
    integration: isolated.integration,
  });
  await set.loadAll();
  return { set, isolated };
}

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((isolated) => isolated.close()));
}

/** What became of one promise: its value, or the error's class and message. */
export async function outcome(
  answer: Promise<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: Error }> {
  try {
    return { ok: true, value: await answer };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

export function extension(set: ExtensionSet<RemotePollster>, name: UntrustedPlugin) {
  const found = set.extensions.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no extension ${name}`);
  return found;
}
