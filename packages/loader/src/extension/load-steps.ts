/**
 * The three stages that run when an extension is first used — import,
 * integration, enforcement — and the self-checks that need the loaded plugin.
 * Each step records its outcome on the extension, so its history reads as the
 * plugin's story.
 *
 * Enforcement checks the integrated object, not the raw export: the contract
 * is about what the host will call, and for a class plugin that is the
 * instance. (An abstract-class contract still rejects a wrong class before its
 * constructor matters, since the instance carries its prototype chain.)
 */

import type { EnablingPolicy } from '../enabling/policy.ts';
import type { Contract } from '../enforcement/contract.ts';
import {
  ContractViolationError,
  PluginIntegrationError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { describeThrown, isPluginError, PluginError } from '../errors/plugin-error.ts';
import type { Stage } from '../errors/stage.ts';
import type { Importer } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import type { ImportTarget } from '../shared/import-target.ts';
import { loadingStarted } from '../shared/plugin-at-work.ts';
import { checkTimeLimit } from '../shared/time-limit.ts';
import { traceStage } from '../tracing/trace-stage.ts';
import type { Extension, LoadSteps } from './extension.ts';
import { disabledReason } from './extension-report.ts';

export interface LoadStepsOptions<T> {
  readonly importer: Importer;
  readonly integration: Integration<T> | undefined;
  readonly contract: Contract<T> | undefined;
  readonly policies: readonly EnablingPolicy[];
  /** How long loading one plugin may take, all stages together; no limit when undefined. */
  readonly loadTimeoutMs?: number | undefined;
}

/** Which stage a load is at: read by the time limit to say where a plugin got stuck. */
interface Progress {
  stage: Stage;
}

export function runLoadSteps<T>(options: LoadStepsOptions<T>): LoadSteps<T> {
  const limit = options.loadTimeoutMs;
  if (limit !== undefined) checkTimeLimit('loadTimeoutMs', limit);
  return (extension: Extension<T>): Promise<T> => {
    const progress: Progress = { stage: 'import' };
    // Noted while it runs, so that a plugin calling process.exit() is named (plugin-at-work.ts).
    const loaded = loadingStarted(extension, progress);
    const steps = runSteps(extension, options, progress);
    steps.then(loaded, loaded);
    return limit === undefined ? steps : withinTimeLimit(steps, limit, extension, progress, loaded);
  };
}

/**
 * Loading runs plugin code (a module's top level, a constructor, a contract, an
 * availability check), and any of it may never finish. The host stops waiting
 * after `limit` ms and the plugin fails at the stage it was stuck at; its code
 * may still finish later, but nothing waits for it and its result is dropped.
 * The timer keeps the process alive while the host waits: it is bounded anyway.
 */
function withinTimeLimit<T>(
  steps: Promise<T>,
  limit: number,
  extension: Extension<T>,
  progress: Progress,
  givenUp: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      givenUp();
      const who = { namespace: extension.namespace, name: extension.name };
      const error = new PluginTimeoutError(limit, { ...who, loadingStage: progress.stage });
      extension.fail(error, 'time limit');
      reject(error);
    }, limit);
    steps.then(
      (object) => {
        clearTimeout(timer);
        resolve(object);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The import, then whatever needs the export. Not an async function: when
 * nothing follows the import (no integration, contract or availability
 * check), a load is the importer's promise and one callback on it.
 */
function runSteps<T>(
  extension: Extension<T>,
  options: LoadStepsOptions<T>,
  progress: Progress,
): Promise<T> {
  const { namespace, name, reference } = extension;
  let target: ImportTarget;
  let imported: Promise<unknown>;
  try {
    target = extension.target;
  } catch (thrown) {
    return Promise.reject(thrown);
  }
  try {
    imported = Promise.resolve(
      traceStage('import', extension, 'importer', () =>
        options.importer(target, { namespace, name, reference }),
      ),
    );
  } catch (cause) {
    return Promise.reject(importFailure(extension, cause));
  }
  return imported.then(
    (exported) => {
      extension.pass('import', 'importer', `imported ${target.exportName} from ${target.url}`);
      const { integration, contract, policies } = options;
      if (integration === undefined && contract === undefined && policies.length === 0) {
        return exported as T;
      }
      return afterImport(extension, options, progress, exported);
    },
    (cause: unknown) => {
      throw importFailure(extension, cause);
    },
  );
}

/** A plugin error from the importer is blamed on it; anything else goes on as it is. */
function importFailure<T>(extension: Extension<T>, cause: unknown): unknown {
  return isPluginError(cause) ? blame(extension, 'importer', cause) : cause;
}

/** Integration, enforcement and the availability checks, in that order. */
async function afterImport<T>(
  extension: Extension<T>,
  options: LoadStepsOptions<T>,
  progress: Progress,
  exported: unknown,
): Promise<T> {
  const { integration, contract, policies } = options;
  const who = { namespace: extension.namespace, name: extension.name };
  let object: unknown = exported;
  if (integration !== undefined) {
    progress.stage = 'integration';
    const integrated = () => integrate(extension, integration, exported);
    object = await traceStage('integration', extension, integration.name, integrated);
  }

  if (contract !== undefined) {
    progress.stage = 'enforcement';
    const enforced = () => enforce(extension, contract, object);
    object = await traceStage('enforcement', extension, contract.name, enforced);
  }

  for (const policy of policies) {
    if (policy.afterLoad === undefined) continue;
    progress.stage = 'enabling';
    let availability: Awaited<ReturnType<NonNullable<EnablingPolicy['afterLoad']>>>;
    try {
      availability = await policy.afterLoad(object, extension);
    } catch (cause) {
      availability = {
        available: false,
        reason: `its availability check threw: ${describeThrown(cause)}`,
      };
    }
    if (!availability.available) {
      extension.disable(policy.name, availability.reason);
      const reason = disabledReason({ by: policy.name, reason: availability.reason });
      throw new PluginUnavailableError(reason, who);
    }
    extension.pass('enabling', policy.name, 'available here');
  }
  return object as T;
}

/** Integration: the export becomes the object the host calls. A failure is blamed on the plugin. */
async function integrate<T>(
  extension: Extension<T>,
  integration: Integration<T>,
  exported: unknown,
): Promise<unknown> {
  const who = { namespace: extension.namespace, name: extension.name };
  const how = integration.name;
  let object: unknown;
  try {
    object = await integration.integrate(exported, { ...who, record: extension });
  } catch (cause) {
    throw blame(
      extension,
      how,
      isPluginError(cause) ? cause : new PluginIntegrationError(how, { ...who, cause }),
    );
  }
  extension.pass('integration', how, 'integrated');
  return object;
}

/** Enforcement: the object is held to the contract; a refusal is blamed on the plugin. */
async function enforce<T>(
  extension: Extension<T>,
  contract: Contract<T>,
  object: unknown,
): Promise<unknown> {
  const who = { namespace: extension.namespace, name: extension.name };
  let result: Awaited<ReturnType<typeof contract.check>>;
  try {
    result = await contract.check(object);
  } catch (cause) {
    // A validator that crashes is still a verdict on this plugin at this stage.
    const detail = `the ${contract.name} check threw: ${describeThrown(cause)}`;
    const error = new PluginError(detail, { ...who, stage: 'enforcement', cause });
    throw blame(extension, contract.name, error);
  }
  if (!result.ok) {
    const error = new ContractViolationError(contract.name, result.issues, who);
    throw blame(extension, contract.name, error);
  }
  extension.pass('enforcement', contract.name, 'meets the contract');
  return result.value;
}

/**
 * Each failure is recorded where it is known who made the call (`importer`,
 * the integration, the contract), then thrown to the caller.
 */
function blame<T>(extension: Extension<T>, by: string, error: PluginError): PluginError {
  extension.fail(error, by);
  return error;
}
