/**
 * For the tracing tests: records every event of both channels, in order, as
 * `start call cpu`, `error stage import cpu`... Not part of the public API.
 */
import {
  callChannel,
  type LoadStageContext,
  loadChannel,
  type PluginCallContext,
} from './channels.ts';

export interface Recorder {
  readonly events: string[];
  readonly contexts: (PluginCallContext | LoadStageContext)[];
  stop(): void;
}

const PHASES = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;

export function recordEvents(): Recorder {
  const events: string[] = [];
  const contexts: (PluginCallContext | LoadStageContext)[] = [];
  const on =
    (phase: string) =>
    (context: PluginCallContext | LoadStageContext): void => {
      const what =
        'pattern' in context
          ? `call ${context.plugin}`
          : `${context.stage} ${context.plugin ?? context.namespace}`;
      events.push(`${phase} ${what}`);
      if (phase === 'start') contexts.push(context);
    };
  type Context = PluginCallContext | LoadStageContext;
  const subscribers: Record<(typeof PHASES)[number], (context: Context) => void> = {
    start: on('start'),
    end: on('end'),
    asyncStart: on('asyncStart'),
    asyncEnd: on('asyncEnd'),
    error: on('error'),
  };
  callChannel.subscribe(subscribers);
  loadChannel.subscribe(subscribers);
  return {
    events,
    contexts,
    stop() {
      callChannel.unsubscribe(subscribers);
      loadChannel.unsubscribe(subscribers);
    },
  };
}
