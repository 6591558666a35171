/**
 * One error class per way a plugin can fail. Each fixes its stage, so a host
 * can branch on `instanceof` (or on `code`, across package copies) and still
 * read namespace, plugin and cause from the shared base.
 */
import { describeThrown, PluginError } from './plugin-error.ts';
import type { Stage } from './stage.ts';

interface Who {
  readonly namespace: string;
  readonly name?: string | undefined;
}

/** A manifest or source could not be read, or declared something invalid. */
export class DiscoveryError extends PluginError {
  override readonly code: string = 'PLUGIN_DISCOVERY_FAILED';
  constructor(message: string, who: Who & { cause?: unknown }) {
    super(message, { ...who, stage: 'discovery' });
  }
}

/** An import reference tried to leave its declaring package. Refused, never imported. */
export class ReferenceEscapeError extends DiscoveryError {
  override readonly code: string = 'PLUGIN_REFERENCE_ESCAPES_PACKAGE';
  readonly reference: string;
  constructor(reference: string, why: string, who: Who) {
    super(`import reference "${reference}" is refused: ${why}`, who);
    this.reference = reference;
  }
}

/** The plugin's module could not be resolved or evaluated, or lacks the export. */
export class PluginImportError extends PluginError {
  override readonly code: string = 'PLUGIN_IMPORT_FAILED';
  constructor(reference: string, who: Who & { cause: unknown; detail?: string }) {
    super(`could not import "${reference}": ${who.detail ?? describeThrown(who.cause)}`, {
      ...who,
      stage: 'import',
    });
  }
}

/** Constructing the plugin (or running its setup) threw. */
export class PluginIntegrationError extends PluginError {
  override readonly code: string = 'PLUGIN_INTEGRATION_FAILED';
  constructor(how: string, who: Who & { cause: unknown }) {
    super(`${how} failed: ${describeThrown(who.cause)}`, { ...who, stage: 'integration' });
  }
}

/** One way in which a plugin does not meet its API. */
export interface ContractIssue {
  /** The member at fault, e.g. `query` or `options.url`; empty for the whole object. */
  readonly path: string;
  readonly message: string;
}

/** The plugin does not meet the namespace's API. Lists every issue, not just the first. */
export class ContractViolationError extends PluginError {
  override readonly code: string = 'PLUGIN_CONTRACT_VIOLATED';
  readonly contract: string;
  readonly issues: readonly ContractIssue[];
  constructor(contract: string, issues: readonly ContractIssue[], who: Who) {
    const listed = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(`does not meet the ${contract} contract: ${listed}`, { ...who, stage: 'enforcement' });
    this.contract = contract;
    this.issues = issues;
  }
}

/** A host asked for a plugin by name and none answers to it. */
export class NoMatchingPluginError extends PluginError {
  override readonly code: string = 'PLUGIN_NOT_FOUND';
  readonly available: readonly string[];
  readonly closest: string | undefined;
  constructor(
    who: Who & { name: string; available: readonly string[]; closest?: string | undefined },
  ) {
    const hint = who.closest === undefined ? '' : ` Did you mean "${who.closest}"?`;
    const list = who.available.length === 0 ? 'none' : who.available.join(', ');
    super(`no plugin named "${who.name}". Available: ${list}.${hint}`, {
      ...who,
      stage: 'enabling',
    });
    this.available = who.available;
    this.closest = who.closest;
  }
}

/** Several packages claim one name: the loader never picks one silently. */
export class AmbiguousPluginError extends PluginError {
  override readonly code: string = 'PLUGIN_AMBIGUOUS';
  readonly claimants: readonly string[];
  constructor(who: Who & { name: string; claimants: readonly string[] }) {
    super(`${who.claimants.length} plugins claim this name: ${who.claimants.join(', ')}`, {
      ...who,
      stage: 'enabling',
    });
    this.claimants = who.claimants;
  }
}

/** Calling the plugin threw or rejected. */
export class PluginCallError extends PluginError {
  override readonly code: string = 'PLUGIN_CALL_FAILED';
  constructor(who: Who & { cause: unknown; method?: string }) {
    const what = who.method === undefined ? 'call' : `call to ${who.method}()`;
    super(`${what} failed: ${describeThrown(who.cause)}`, { ...who, stage: 'invocation' });
  }
}

/**
 * A plugin did not answer in time: an async call (stage `invocation`), or its
 * loading (the stage it was stuck at: a module whose top-level await never
 * ends, a constructor, contract or availability check that never answers).
 * The host moves on; the plugin is blamed.
 */
export class PluginTimeoutError extends PluginError {
  override readonly code: string = 'PLUGIN_TIMEOUT';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, who: Who & { method?: string; loadingStage?: Stage }) {
    const stage = who.loadingStage ?? 'invocation';
    const what =
      who.loadingStage !== undefined
        ? `loading (at the ${stage} stage)`
        : who.method === undefined
          ? 'call'
          : `call to ${who.method}()`;
    super(`${what} did not settle within ${timeoutMs} ms`, { ...who, stage });
    this.timeoutMs = timeoutMs;
  }
}

/** A plugin's result does not have the shape the host expects. */
export class PluginResultError extends PluginError {
  override readonly code: string = 'PLUGIN_BAD_RESULT';
  constructor(message: string, who: Who) {
    super(`returned an unusable result: ${message}`, { ...who, stage: 'invocation' });
  }
}

/** The host asked to use a plugin that a policy disabled or that failed earlier. */
export class PluginUnavailableError extends PluginError {
  override readonly code: string = 'PLUGIN_UNAVAILABLE';
  constructor(reason: string, who: Who) {
    super(`is not available: ${reason}`, { ...who, stage: 'enabling' });
  }
}
