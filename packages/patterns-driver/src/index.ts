export { chooseDriver } from './choose-driver.ts';
export { constructWith, type DriverArgs, type DriverContext } from './driver-args.ts';
export {
  DriverManager,
  type DriverManagerOptions,
  loadDriver,
} from './driver-manager.ts';
export {
  type DriverUrl,
  InvalidDriverUrlError,
  type ParseDriverUrlOptions,
  parseDriverUrl,
  redactPassword,
} from './driver-url.ts';
