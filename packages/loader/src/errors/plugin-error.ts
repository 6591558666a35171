import type { Stage } from './stage.ts';

/** Who a failure belongs to. `name` is undefined when no plugin is known yet. */
export interface PluginErrorContext {
  readonly namespace: string;
  readonly name?: string | undefined;
  readonly stage: Stage;
  readonly cause?: unknown;
}

/**
 * The base of every error the loader and the pattern packages raise.
 *
 * A plugin is someone else's code running in the host, so an error about it
 * must say which plugin, in which namespace, at which stage — the three facts
 * needed to act on it without a debugger. The original error stays in `cause`.
 */
export class PluginError extends Error {
  readonly namespace: string;
  readonly plugin: string | undefined;
  readonly stage: Stage;
  /** A stable, machine-readable identifier, e.g. `PLUGIN_IMPORT_FAILED`. */
  readonly code: string = 'PLUGIN_ERROR';

  constructor(message: string, context: PluginErrorContext) {
    super(
      `${prefix(context)} ${message}`,
      context.cause === undefined ? undefined : { cause: context.cause },
    );
    this.name = new.target.name;
    this.namespace = context.namespace;
    this.plugin = context.name;
    this.stage = context.stage;
  }
}

/**
 * Describes anything that was thrown, including values that are not Errors
 * (a plugin may `throw 'oops'` or reject with `undefined`).
 */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return `non-Error value ${JSON.stringify(thrown) ?? String(thrown)}`;
  } catch {
    return `non-Error value ${Object.prototype.toString.call(thrown)}`;
  }
}

function prefix(context: PluginErrorContext): string {
  const who =
    context.name === undefined ? context.namespace : `${context.namespace}:${context.name}`;
  return `[${who}] (${context.stage})`;
}
