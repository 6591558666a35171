/**
 * Result-shape checking: the last line of the call guard. A plugin that
 * returns a string where the host expects an array of samples has not thrown,
 * yet it is broken; caught here, it becomes a PluginResultError that names the
 * plugin (and is recorded on its extension), instead of a TypeError deep
 * inside the host, far from the plugin that caused it.
 */

import { PluginResultError } from '../errors/kinds.ts';
import { describeThrown } from '../errors/plugin-error.ts';
import type { Extension } from '../extension/extension.ts';
import { describeValue } from '../shared/describe-value.ts';
import type { CallOptions } from './guard.ts';

/**
 * Checks the shape of what a plugin returned: a wrong shape becomes a
 * PluginResultError blamed on the plugin (and recorded), instead of a
 * TypeError deep inside the host later. `check` answers true, or false, or a
 * string saying what is wrong.
 */
export function checkResult<T, R>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => value is R,
  what: string,
  options?: Pick<CallOptions, 'method'>,
): R;
export function checkResult<T>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => boolean | string,
  what: string,
  options?: Pick<CallOptions, 'method'>,
): unknown;
export function checkResult<T>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => boolean | string,
  what: string,
  options: Pick<CallOptions, 'method'> = {},
): unknown {
  let verdict: boolean | string;
  try {
    verdict = check(value);
  } catch (thrown) {
    // The value fought the check (a throwing getter, a revoked proxy): that is its fault.
    verdict = `the check could not read it: ${describeThrown(thrown)}`;
  }
  if (verdict === true) return value;
  const from = options.method === undefined ? '' : ` from ${options.method}()`;
  const detail = typeof verdict === 'string' && verdict !== '' ? ` (${verdict})` : '';
  const error = new PluginResultError(
    `expected ${what}${from}, got ${describeValue(value)}${detail}`,
    { namespace: extension.namespace, name: extension.name },
  );
  extension.fail(error);
  throw error;
}
