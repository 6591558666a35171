// @plugin-patterns/opentelemetry: the loader's tracing channels as OpenTelemetry spans.
//
//   instrument()      subscribes; one span per plugin call and per loading stage
//   TRACER_NAME       the tracer's name when none is given
//   PREFIX            the prefix of every attribute the spans carry
export { PREFIX } from './attributes.ts';
export {
  type Instrumentation,
  type InstrumentOptions,
  instrument,
  TRACER_NAME,
} from './instrument.ts';
