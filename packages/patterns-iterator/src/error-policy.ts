/**
 * The error policy: what a run does when one plugin fails. The iterator calls
 * code from many authors in one loop, so the default is containment: the
 * failure is recorded on the plugin's extension, collected with its name, and
 * the run goes on with the next plugin (`collect`). A host that would rather
 * stop at the first failure (a pipeline whose later steps make no sense after
 * a broken one, a test suite) asks for `raise`.
 *
 * An empty run is a policy question too. "No plugin is enabled" is a normal
 * state for an optional namespace (no pollster installed yet), so by default
 * it gives the empty result; a host for which it means misconfiguration asks
 * for `onEmpty: 'error'` and gets a typed error that says why each found
 * plugin is not running.
 */
import { type Extension, PluginError } from '@plugin-patterns/loader';
import { disabledReason } from '@plugin-patterns/loader/extension';
import { callFailed, type CallOptions as GuardOptions } from '@plugin-patterns/loader/invocation';

/** `collect` (default): record the failure, keep going. `raise`: record it and throw it. */
export type ErrorPolicy = 'collect' | 'raise';

/** `empty` (default): no plugin gives the empty result. `error`: throw EmptyNamespaceError. */
export type EmptyPolicy = 'empty' | 'error';

/** What a run needs to know to handle failures. Resolved once per run, never per call. */
export interface RunPolicy {
  readonly namespace: string;
  readonly onError: ErrorPolicy;
  readonly onEmpty: EmptyPolicy;
  /** Handed to the loader's call guard: the method named in errors, the time limit. */
  readonly guard: GuardOptions;
  /** The error for an empty run under `onEmpty: 'error'`; built only when needed. */
  readonly emptyError: () => PluginError;
}

/** Nothing to call: every plugin of the namespace is missing, disabled or failed to load. */
export class EmptyNamespaceError extends PluginError {
  override readonly code: string = 'PLUGIN_NAMESPACE_EMPTY';
  /** One line per extension found, saying why it is not running. */
  readonly reasons: readonly string[];
  constructor(wanted: string, found: readonly Extension<unknown>[], who: { namespace: string }) {
    const reasons = found.map(whyNotRunning);
    const detail =
      reasons.length === 0 ? 'none was found' : `found ${reasons.length}: ${reasons.join('; ')}`;
    super(`no enabled ${wanted} to call (${detail})`, { ...who, stage: 'enabling' });
    this.reasons = reasons;
  }
}

/**
 * Applies the error policy to one plugin's failure: blames the plugin (what it
 * threw or rejected with becomes a PluginCallError naming it, recorded on its
 * extension, which stays enabled; a failure already recorded, such as the
 * call guard's timeout, passes as it is), then keeps the error with the run's
 * failures, or throws it.
 */
export function contain<T>(
  extension: Extension<T>,
  thrown: unknown,
  failures: PluginError[],
  policy: RunPolicy,
): void {
  const error = callFailed(extension, thrown, policy.guard.method);
  if (policy.onError === 'raise') throw error;
  failures.push(error);
}

/** Applies the empty policy: throws EmptyNamespaceError, or lets the run return its empty result. */
export function checkEmpty(policy: RunPolicy): void {
  if (policy.onEmpty === 'error') throw policy.emptyError();
}

function whyNotRunning(extension: Extension<unknown>): string {
  const state = extension.state;
  switch (state.status) {
    case 'disabled':
      return `${extension.name} ${disabledReason(state)}`;
    case 'failed':
      return `${extension.name} failed at ${state.stage}`;
    case 'enabled':
      return extension.isReady ? `${extension.name} enabled` : `${extension.name} not loaded`;
  }
}
