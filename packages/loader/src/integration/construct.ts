/**
 * Fine-grained integration: the host builds each plugin itself, passing what
 * the plugin needs (a URL, a config section, a logger), as stevedore does with
 * `invoke_on_load` and `invoke_args`. The plugin module exports a class or a
 * factory function; the host decides when it is built and with what.
 *
 * Whether to call the export with `new` is decided by `isClass`
 * (shared/is-class.ts), whose rule is:
 *   1. `class` syntax is a class (its source text starts with `class`);
 *   2. a function whose own `prototype` points back at it and holds methods
 *      besides `constructor` is a class compiled to a function (ES5 style);
 *   3. anything else that is a function is a factory and is called.
 * An old-style constructor function with no prototype methods looks exactly
 * like a factory and will be called without `new`: give it a method, or write
 * it as a class. A bound class has no `prototype` and counts as a factory too.
 *
 * A factory may return a promise (an async factory that connects first); sync
 * stays sync otherwise. An export that is not a function at all is refused with
 * an error that says what was exported instead.
 */

import { PluginIntegrationError } from '../errors/kinds.ts';
import { describeValue } from '../shared/describe-value.ts';
import { isClass } from '../shared/is-class.ts';
import { isThenable } from '../shared/thenable.ts';
import type { Integration, IntegrationContext } from './integration.ts';

export interface ConstructOptions {
  /** Arguments for the constructor or factory, or a function of the plugin's identity. */
  readonly args?: readonly unknown[] | ((context: IntegrationContext) => readonly unknown[]);
}

export function construct<T>(options: ConstructOptions = {}): Integration<T> {
  return {
    name: 'construct',
    integrate(exported, context): T | Promise<T> {
      if (typeof exported !== 'function') {
        throw new PluginIntegrationError('construct', {
          ...context,
          cause: new TypeError(
            `expected a class or a factory function to build the plugin, got ${describeValue(exported)}`,
          ),
        });
      }
      const asClass = isClass(exported);
      const how = `${asClass ? 'new ' : ''}${exported.name || 'the export'}()`;
      let built: unknown;
      try {
        const args = typeof options.args === 'function' ? options.args(context) : options.args;
        built = asClass
          ? Reflect.construct(exported, args ?? [])
          : Reflect.apply(exported, undefined, args ?? []);
      } catch (cause) {
        throw new PluginIntegrationError(how, { ...context, cause });
      }
      if (isThenable(built)) {
        return Promise.resolve(built).then(
          (value) => checked<T>(value, how, context),
          (cause: unknown) => {
            throw new PluginIntegrationError(how, { ...context, cause });
          },
        );
      }
      return checked<T>(built, how, context);
    },
  };
}

/** A factory that returns nothing has not built a plugin: say so now, not at the first call. */
function checked<T>(value: unknown, how: string, context: IntegrationContext): T {
  if (value === undefined || value === null) {
    throw new PluginIntegrationError(how, {
      ...context,
      cause: new TypeError(`it returned ${String(value)} instead of the plugin`),
    });
  }
  return value as T;
}
