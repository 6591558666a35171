/**
 * How the driver manager turns the chosen export into the driver: it
 * constructs the exported class with the host's arguments (fine-grained
 * integration, one instance per driver). A storage driver is `new X({ url })`;
 * a host that only knows the arguments once it knows the driver (its name,
 * the URL that chose it) passes a function instead of a list.
 *
 * Without arguments the export is used as it is: a driver that is already an
 * object, or a class the host wants to construct itself.
 */
import type { Integration, IntegrationContext } from '@plugin-patterns/loader';
import type { DriverUrl } from './driver-url.ts';

/** What an `args` function is told about the driver it is building. */
export interface DriverContext {
  readonly namespace: string;
  readonly name: string;
  /** The URL that chose the driver; undefined when it was chosen by name. */
  readonly url: DriverUrl | undefined;
}

/** Constructor arguments, or a function of the driver's context that returns them. */
export type DriverArgs = readonly unknown[] | ((context: DriverContext) => readonly unknown[]);

/** An integration that calls `new Export(...args)`; errors become PluginIntegrationError upstream. */
export function constructWith<T>(args: DriverArgs, url: DriverUrl | undefined): Integration<T> {
  return {
    name: 'construct',
    integrate(exported: unknown, context: IntegrationContext): T {
      if (typeof exported !== 'function') {
        throw new TypeError(
          `the export is ${exported === null ? 'null' : typeof exported}, not a class to construct`,
        );
      }
      const list = typeof args === 'function' ? args({ ...context, url }) : args;
      const Driver = exported as new (...params: unknown[]) => T;
      return new Driver(...list);
    },
  };
}
