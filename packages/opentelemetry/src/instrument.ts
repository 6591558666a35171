/**
 * The adapter: every plugin call and every loading stage that the loader's
 * diagnostics channels publish becomes an OpenTelemetry span. It listens
 * through the loader's `intercept`, so it sees exactly what any other
 * subscriber sees, and needs nothing from the patterns themselves.
 *
 * A span starts when the step starts, under whatever span is active then
 * (with a context manager registered, a host's own span around a run
 * becomes each call's parent), and ends when the step ends: at once for a
 * synchronous answer, when the promise settles for a promised one. A step
 * that failed gets an error status and its exception recorded, by name and
 * message. A plugin that never settles leaves its span open, as it is.
 */
import { context, type Span, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { intercept, type TracedStep, type TraceFilter } from '@plugin-patterns/loader/tracing';
import { exceptionOf, PREFIX, spanName, stepAttributes } from './attributes.ts';

/** The tracer's name, when the adapter makes its own from the global provider. */
export const TRACER_NAME = '@plugin-patterns/opentelemetry';

export interface InstrumentOptions extends TraceFilter {
  /** The tracer to record with. Default: the global provider's tracer named TRACER_NAME. */
  readonly tracer?: Tracer;
}

export interface Instrumentation {
  /** Stops making spans; spans already open still end. */
  stop(): void;
}

export function instrument(options: InstrumentOptions = {}): Instrumentation {
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const open = new WeakMap<TracedStep, Span>();
  const stop = intercept(
    {
      start(step) {
        const span = tracer.startSpan(
          spanName(step),
          { attributes: stepAttributes(step) },
          context.active(),
        );
        open.set(step, span);
      },
      end(step, end) {
        const span = open.get(step);
        if (span === undefined) return;
        open.delete(step);
        if (end.found !== undefined) span.setAttribute(`${PREFIX}.found`, end.found);
        span.setAttribute(`${PREFIX}.async`, end.async);
        if (!end.ok) {
          const exception = exceptionOf(end.error);
          span.recordException(exception);
          span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
        }
        span.end();
      },
    },
    options,
  );
  return { stop };
}
