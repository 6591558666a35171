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
  /** The message without its `[namespace:plugin] (stage)` prefix, for reports that show those apart. */
  readonly detail: string;

  constructor(message: string, context: PluginErrorContext) {
    super(
      `${prefix(context)} ${message}`,
      context.cause === undefined ? undefined : { cause: context.cause },
    );
    this.name = new.target.name;
    this.detail = message;
    this.namespace = context.namespace;
    this.plugin = context.name;
    this.stage = context.stage;
  }
}

/**
 * The longest description of a thrown value kept in a message. A plugin may
 * throw an Error whose message is a megabyte (or a string built in a loop):
 * copied into every PluginError, every record's history and every report, it
 * would cost the host memory and flood its logs. The rest is cut, and the cut
 * says how much was left out.
 */
export const MAX_THROWN_MESSAGE_LENGTH = 2000;

/**
 * Describes anything that was thrown, including values that are not Errors
 * (a plugin may `throw 'oops'` or reject with `undefined`), in at most
 * MAX_THROWN_MESSAGE_LENGTH characters. It never throws itself, whatever it
 * is given: it runs while the host is handling a plugin's failure, and a
 * second error there would replace the first. Even `instanceof` can throw (on
 * a revoked proxy), so every look at the value is guarded.
 */
export function describeThrown(thrown: unknown): string {
  return capped(describeUncapped(thrown));
}

function describeUncapped(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  let isError = false;
  try {
    isError = thrown instanceof Error;
  } catch {
    // a revoked proxy: described below, as far as it can be
  }
  if (isError) {
    try {
      return String((thrown as Error).message);
    } catch {
      return 'an Error whose message cannot be read';
    }
  }
  try {
    return `non-Error value ${JSON.stringify(thrown) ?? String(thrown)}`;
  } catch {
    try {
      return `non-Error value ${Object.prototype.toString.call(thrown)}`;
    } catch {
      return `non-Error value (an unreadable ${typeof thrown})`;
    }
  }
}

function capped(text: string): string {
  if (text.length <= MAX_THROWN_MESSAGE_LENGTH) return text;
  const left = (text.length - MAX_THROWN_MESSAGE_LENGTH).toLocaleString('en-US');
  return `${text.slice(0, MAX_THROWN_MESSAGE_LENGTH)}… (${left} more characters)`;
}

/**
 * `value instanceof PluginError`, for a value a plugin threw: `instanceof`
 * itself throws on a revoked proxy, and that must not replace the failure
 * being handled.
 */
export function isPluginError(value: unknown): value is PluginError {
  try {
    return value instanceof PluginError;
  } catch {
    return false;
  }
}

function prefix(context: PluginErrorContext): string {
  const who =
    context.name === undefined ? context.namespace : `${context.namespace}:${context.name}`;
  return `[${who}] (${context.stage})`;
}
