export { PREFIX } from './attributes.ts';
export {
  type Instrumentation,
  type InstrumentOptions,
  instrument,
  TRACER_NAME,
} from './instrument.ts';
