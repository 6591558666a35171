/**
 * How an extension is told: its state, the history of its stages, and the
 * plain JSON report that `list`, `explain` and `--json` print.
 */
import type { PluginSource } from '../discovery/entry-point.ts';
import type { PluginError } from '../errors/plugin-error.ts';
import type { Stage } from '../errors/stage.ts';

export type ExtensionState =
  | { readonly status: 'enabled' }
  | { readonly status: 'disabled'; readonly by: string; readonly reason: string }
  | { readonly status: 'failed'; readonly stage: Stage; readonly error: PluginError };

/** One step of an extension's story, in the order it happened. */
export interface HistoryEntry {
  readonly stage: Stage;
  /** Which source, policy, contract or integration made the call. */
  readonly by: string;
  readonly outcome: 'passed' | 'disabled' | 'failed';
  readonly detail: string;
}

/** The JSON shape of an extension, for `--json` output and reports. */
export interface ExtensionReport {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  readonly source: string;
  readonly status: ExtensionState['status'];
  readonly loaded: boolean;
  /** Why it is not running, as a sentence: `disabled by deny-list: …`, or the failure's message. */
  readonly reason: string | undefined;
  /**
   * The same reason without the state it explains, for a view that shows the
   * state apart (a STATE column, say): `deny-list: …`, or the failure's
   * message without its `[namespace:plugin] (stage)` prefix.
   */
  readonly detail: string | undefined;
  readonly stage: Stage | undefined;
  readonly lastError: string | undefined;
  readonly history: readonly HistoryEntry[];
}

/** What a report needs to read from an extension. */
interface Reportable {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  readonly source: PluginSource;
  readonly state: ExtensionState;
  readonly history: readonly HistoryEntry[];
  readonly lastError: PluginError | undefined;
}

interface Disabled {
  readonly by: string;
  readonly reason: string;
}

/**
 * Why a disabled plugin is off, in the one wording every message uses: the
 * report's reason, the refusal to load or call it. Takes the disabled state,
 * or the policy's name and reason when the state is being set.
 */
export function disabledReason(disabled: Disabled): string {
  return `disabled by ${whoAndWhy(disabled)}`;
}

/** The same without the state it explains: a report's `detail`. */
function whoAndWhy(disabled: Disabled): string {
  return `${disabled.by}: ${disabled.reason}`;
}

export function reportOf(extension: Reportable, loaded: boolean): ExtensionReport {
  const state = extension.state;
  return {
    namespace: extension.namespace,
    name: extension.name,
    reference: extension.reference,
    source: describeSource(extension.source),
    status: state.status,
    loaded,
    ...whyNotRunning(state),
    stage: state.status === 'failed' ? state.stage : undefined,
    lastError: extension.lastError?.message,
    history: [...extension.history],
  };
}

/** A report's `reason` and `detail`: the same why, with and without the state it explains. */
function whyNotRunning(state: ExtensionState): Pick<ExtensionReport, 'reason' | 'detail'> {
  switch (state.status) {
    case 'enabled':
      return { reason: undefined, detail: undefined };
    case 'disabled':
      return { reason: disabledReason(state), detail: whoAndWhy(state) };
    case 'failed':
      return { reason: state.error.message, detail: state.error.detail };
  }
}

/**
 * `package@version` (and what its package.json claims, when that differs from
 * the name it was found under), or the file path, or `in-memory`.
 */
export function describeSource(source: PluginSource): string {
  switch (source.kind) {
    case 'package':
      return source.claimedName === undefined
        ? `${source.packageName}@${source.version}`
        : `${source.packageName}@${source.version} (its package.json says "${source.claimedName}")`;
    case 'file':
      return source.path;
    case 'object':
      return 'in-memory';
    case 'declaration':
      return source.origin;
  }
}
