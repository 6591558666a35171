/**
 * What the host is told when a plugin in a worker thread or child process
 * fails: every answer, silence and ending becomes the loader's typed error
 * for the stage the request was in, naming the namespace and the plugin, so
 * that a host handles an isolated plugin's failure exactly as it handles an
 * in-process one's. The runner (`runner.ts`) decides when; this file says what.
 */
import {
  PluginCallError,
  PluginError,
  PluginImportError,
  PluginIntegrationError,
  PluginTimeoutError,
  type Stage,
} from '@plugin-patterns/loader';
import type { ImportWho } from '@plugin-patterns/loader/importing';

/**
 * The stage's typed error for a failure of `who` (`noun` is `worker thread`
 * or `child process`). A typed error from the plugin's side is kept as it is.
 */
export function stageFailure(
  who: ImportWho,
  stage: Stage,
  method: string | undefined,
  cause: unknown,
  noun: string,
): PluginError {
  if (cause instanceof PluginError) return cause;
  if (stage === 'import') {
    return new PluginImportError(who.reference, { ...whoOf(who), cause });
  }
  if (stage === 'integration') {
    return new PluginIntegrationError(`building it in its ${noun}`, { ...whoOf(who), cause });
  }
  return new PluginCallError({ ...whoOf(who), ...methodOf(method), cause });
}

/** The error of a request that did not answer within `timeoutMs`. */
export function timeoutFailure(
  who: ImportWho,
  stage: Stage,
  method: string | undefined,
  timeoutMs: number,
): PluginTimeoutError {
  return stage === 'invocation'
    ? new PluginTimeoutError(timeoutMs, { ...whoOf(who), ...methodOf(method) })
    : new PluginTimeoutError(timeoutMs, { ...whoOf(who), loadingStage: stage });
}

/** What a plugin that was not at work is told when its worker or child ends. */
export function endingFailure(who: ImportWho, cause: Error): PluginError {
  return new PluginError(cause.message, { ...whoOf(who), stage: 'invocation', cause });
}

function whoOf(who: ImportWho): { namespace: string; name: string } {
  return { namespace: who.namespace, name: who.name };
}

function methodOf(method: string | undefined): { method?: string } {
  return method === undefined ? {} : { method };
}
