/**
 * What a span says about a traced step, as OpenTelemetry attributes: who
 * (namespace, plugin, where it was declared), what (the pattern or the
 * stage, and the approach at work), and the arguments' shape. The values
 * themselves never reach the trace; the loader's channels do not carry them.
 *
 * Attribute names share one prefix, `plugin_patterns.`, so that they never
 * collide with OpenTelemetry's own semantic conventions.
 */
import type { Attributes } from '@opentelemetry/api';
import type { ArgShape, TracedStep } from '@plugin-patterns/loader/tracing';

export const PREFIX = 'plugin_patterns';

/** The span's name: low in cardinality, as OpenTelemetry asks (a plugin set is small and fixed). */
export function spanName(step: TracedStep): string {
  const who = step.plugin === undefined ? step.namespace : `${step.namespace}/${step.plugin}`;
  return step.kind === 'call' ? `${step.pattern} call ${who}` : `${step.stage} ${who}`;
}

export function stepAttributes(step: TracedStep): Attributes {
  const attributes: Attributes = { [`${PREFIX}.namespace`]: step.namespace };
  if (step.plugin !== undefined) attributes[`${PREFIX}.plugin`] = step.plugin;
  if (step.source !== undefined) {
    const source = step.source;
    attributes[`${PREFIX}.source.kind`] = source.kind;
    if (source.kind === 'package') {
      attributes[`${PREFIX}.source.package`] = `${source.packageName}@${source.version}`;
    } else if (source.kind === 'file') {
      attributes[`${PREFIX}.source.file`] = source.path;
    }
  }
  if (step.kind === 'call') {
    attributes[`${PREFIX}.pattern`] = step.pattern;
    attributes[`${PREFIX}.args`] = step.args.map(describeShape);
  } else {
    attributes[`${PREFIX}.stage`] = step.stage;
    attributes[`${PREFIX}.by`] = step.by;
  }
  return attributes;
}

/** `string(7)`, `array(3)`, `number`. */
function describeShape(shape: ArgShape): string {
  return shape.length === undefined ? shape.type : `${shape.type}(${shape.length})`;
}

/**
 * What a failed step threw, as OpenTelemetry records an exception: its name
 * and message. Read with care: it is a plugin's value, and an error's
 * `message` can be a getter that throws, which must not break the trace.
 */
export function exceptionOf(thrown: unknown): { name: string; message: string } {
  if (typeof thrown !== 'object' || thrown === null) {
    return { name: typeof thrown, message: String(thrown) };
  }
  try {
    const { name, message } = thrown as { name?: unknown; message?: unknown };
    return {
      name: typeof name === 'string' ? name : 'Error',
      message: typeof message === 'string' ? message : '',
    };
  } catch {
    return { name: 'Error', message: '(the error could not be read)' };
  }
}
