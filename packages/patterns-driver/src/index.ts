// @plugin-patterns/driver: the driver pattern. Of all the plugins of a
// namespace, exactly one is imported, chosen by name or by a URL's scheme,
// and the host calls it directly.

// The manager, and the one decision it makes (which plugin answers to the name).

export { chooseDriver } from './choose-driver.ts';
export {
  DriverManager,
  type DriverManagerOptions,
  loadDriver,
} from './driver-manager.ts';

// Building the driver: the arguments its constructor or factory is given.

export { constructWith, type DriverArgs, type DriverContext } from './driver-args.ts';

// Choosing by URL: `sqlite:///var/lib/meter.db` chooses `sqlite`.

export {
  type DriverUrl,
  InvalidDriverUrlError,
  type ParseDriverUrlOptions,
  parseDriverUrl,
  redactPassword,
} from './driver-url.ts';
