/**
 * How the driver manager turns the chosen export into the driver: it builds
 * it with the host's arguments, through the loader's `construct` integration
 * (fine-grained: one instance per driver, made by the host). A storage driver
 * is `new X({ url })`; a host that only knows the arguments once it knows the
 * driver (its name, the URL that chose it) passes a function instead of a list.
 *
 * Without arguments the export is used as it is: a driver that is already an
 * object, or a class the host wants to construct itself.
 */
import { construct, type Integration } from '@plugin-patterns/loader';
import type { IntegrationContext } from '@plugin-patterns/loader/integration';
import type { DriverUrl } from './driver-url.ts';

/** What an `args` function is told about the driver it is building. */
export interface DriverContext extends IntegrationContext {
  /** The URL that chose the driver; undefined when it was chosen by name. */
  readonly url: DriverUrl | undefined;
}

/** Constructor arguments, or a function of the driver's context that returns them. */
export type DriverArgs = readonly unknown[] | ((context: DriverContext) => readonly unknown[]);

/** The `construct` integration, with the URL added to what an `args` function is told. */
export function constructWith<T>(args: DriverArgs, url: DriverUrl | undefined): Integration<T> {
  return construct<T>({
    args: typeof args === 'function' ? (context) => args({ ...context, url }) : args,
  });
}
