/**
 * One traced step, published on a TracingChannel in Node's own order. Node's
 * `traceSync` and `tracePromise` are not used as they are, for two reasons:
 * they put the step's result on the context (here, a plugin's answer, which
 * a trace never carries), and `tracePromise` wants a promise, where a plugin
 * may answer with any thenable, or with a plain value. A step that answers
 * synchronously stays synchronous: no promise is made for it.
 *
 * Start runs through `runStores`, as Node's helpers do, so a store bound to
 * the start channel (an AsyncLocalStorage, with `bindStore`) holds for the
 * step and anything it starts.
 */
import type { TracingChannel } from 'node:diagnostics_channel';
import { isThenable } from '../shared/thenable.ts';
import type { StepOutcome } from './channels.ts';

export function publishStep<C extends StepOutcome, R>(
  channel: TracingChannel<unknown, C>,
  context: C,
  step: () => R,
): R {
  return channel.start.runStores(context, () => {
    let answer: R;
    try {
      answer = step();
      // Reading `then` can throw (a revoked proxy): the step failed, as the caller will say.
      if (isThenable(answer)) {
        context.promised = true;
        answer = followed(channel, context, answer) as R;
      }
    } catch (error) {
      context.error = error;
      channel.error.publish(context);
      channel.end.publish(context);
      throw error;
    }
    channel.end.publish(context);
    return answer;
  });
}

/** The promised answer, followed: it settles as the step's own, once its events are out. */
function followed<C extends StepOutcome>(
  channel: TracingChannel<unknown, C>,
  context: C,
  answer: PromiseLike<unknown>,
): Promise<unknown> {
  return Promise.resolve(answer).then(
    (value) => {
      channel.asyncStart.publish(context);
      channel.asyncEnd.publish(context);
      return value;
    },
    (error: unknown) => {
      context.error = error;
      channel.error.publish(context);
      channel.asyncStart.publish(context);
      channel.asyncEnd.publish(context);
      throw error;
    },
  );
}
