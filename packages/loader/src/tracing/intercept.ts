/**
 * A host's view of the trace, without knowing the channels: `intercept`
 * hands it each plugin call and each loading stage as it starts and as it
 * ends, with how long it took and how it ended. (`monitor.ts` keeps these
 * for reading afterwards.)
 *
 * It only watches, as every subscriber of a diagnostics channel does: it can
 * neither change an argument nor replace an answer. A step's end is its
 * `end` event for a synchronous answer, its `asyncEnd` for a promised one,
 * so the time is the plugin's own, promise included. A step that never
 * settles (a hung plugin, which a time limit gave up on) never ends here.
 * An interceptor that throws is reported by Node as an uncaught exception,
 * like any subscriber; the plugin call it watched goes on as if unwatched.
 */
import { performance } from 'node:perf_hooks';
import type { PluginSource } from '../discovery/entry-point.ts';
import type { ArgShape } from './arg-shape.ts';
import {
  callChannel,
  type LoadStage,
  type LoadStageContext,
  loadChannel,
  type Pattern,
  type PluginCallContext,
} from './channels.ts';

/** One plugin call, as an interceptor sees it. */
export interface CallStep {
  readonly kind: 'call';
  readonly namespace: string;
  readonly plugin: string;
  readonly source: PluginSource;
  readonly pattern: Pattern;
  readonly args: readonly ArgShape[];
}

/** One loading stage, as an interceptor sees it. */
export interface StageStep {
  readonly kind: 'stage';
  readonly namespace: string;
  /** Undefined for discovery, which reads a whole namespace. */
  readonly plugin: string | undefined;
  readonly source: PluginSource | undefined;
  readonly stage: LoadStage;
  readonly by: string;
}

export type TracedStep = CallStep | StageStep;

/** How a step ended. */
export interface StepEnd {
  /** From start to end, or to the promise's settling. */
  readonly durationMs: number;
  readonly ok: boolean;
  /** What it threw or rejected with, when not `ok`. */
  readonly error?: unknown;
  /** Whether it answered with a promise. */
  readonly async: boolean;
  /** Discovery only: how many declarations were found. */
  readonly found?: number;
}

export interface Interceptor {
  start?(step: TracedStep): void;
  end?(step: TracedStep, end: StepEnd): void;
}

/** Which steps to watch. Default: every call and every stage, of every namespace. */
export interface TraceFilter {
  readonly namespace?: string;
  readonly calls?: boolean;
  readonly stages?: boolean;
}

/** Watches plugin calls and loading stages; returns the function that stops watching. */
export function intercept(interceptor: Interceptor, filter: TraceFilter = {}): () => void {
  const started = new WeakMap<object, { step: TracedStep; at: number }>();
  const wanted = (context: { namespace: string }): boolean =>
    filter.namespace === undefined || context.namespace === filter.namespace;

  const begin = (context: PluginCallContext | LoadStageContext, step: TracedStep): void => {
    started.set(context, { step, at: performance.now() });
    interceptor.start?.(step);
  };
  const finish = (context: PluginCallContext | LoadStageContext): void => {
    const begun = started.get(context);
    if (begun === undefined) return; // started before this interceptor, or filtered out
    started.delete(context);
    const end: StepEnd = {
      durationMs: performance.now() - begun.at,
      ok: !('error' in context),
      async: context.promised === true,
      ...('error' in context ? { error: context.error } : {}),
      ...('found' in context && context.found !== undefined ? { found: context.found } : {}),
    };
    interceptor.end?.(begun.step, end);
  };

  const calls = handlers<PluginCallContext>((context) => {
    if (wanted(context)) begin(context, callStep(context));
  }, finish);
  const stages = handlers<LoadStageContext>((context) => {
    if (wanted(context)) begin(context, stageStep(context));
  }, finish);
  if (filter.calls !== false) callChannel.subscribe(calls);
  if (filter.stages !== false) loadChannel.subscribe(stages);
  return () => {
    if (filter.calls !== false) callChannel.unsubscribe(calls);
    if (filter.stages !== false) loadChannel.unsubscribe(stages);
  };
}

/** The five handlers of a TracingChannel: a step ends at `end`, or at `asyncEnd` when promised. */
function handlers<C extends PluginCallContext | LoadStageContext>(
  start: (context: C) => void,
  finish: (context: C) => void,
): {
  start: (context: C) => void;
  end: (context: C) => void;
  asyncStart: (context: C) => void;
  asyncEnd: (context: C) => void;
  error: (context: C) => void;
} {
  return {
    start,
    end: (context) => {
      if (context.promised !== true) finish(context);
    },
    asyncStart: () => {},
    asyncEnd: finish,
    error: () => {},
  };
}

function callStep(context: PluginCallContext): CallStep {
  const { namespace, plugin, source, pattern, args } = context;
  return { kind: 'call', namespace, plugin, source, pattern, args };
}

function stageStep(context: LoadStageContext): StageStep {
  const { namespace, plugin, source, stage, by } = context;
  return { kind: 'stage', namespace, plugin, source, stage, by };
}
