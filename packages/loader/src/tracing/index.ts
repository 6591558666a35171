// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/tracing: every plugin call and every loading stage,
// published on two diagnostics channels whose names are public API.
//
//   callChannel, loadChannel   the channels, and the context of each event
//   intercept(), monitor()     a host's view of them: each step as it starts
//                              and ends, or the latest steps kept for reading
//   traced(), shapeOf()        for a manager of your own: publish its calls

export { type ArgShape, shapeOf } from './arg-shape.ts';
export {
  CALL_CHANNEL,
  callChannel,
  LOAD_CHANNEL,
  type LoadStage,
  type LoadStageContext,
  loadChannel,
  type Pattern,
  type PluginCallContext,
  type StepOutcome,
} from './channels.ts';
export {
  type CallStep,
  type Interceptor,
  intercept,
  type StageStep,
  type StepEnd,
  type TracedStep,
  type TraceFilter,
} from './intercept.ts';
export { type Monitor, type MonitorOptions, type MonitorRecord, monitor } from './monitor.ts';
export { type TracedPlugin, traced } from './trace-call.ts';
