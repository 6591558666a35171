/**
 * The two channels every plugin call and every loading stage is published
 * on, through Node's `node:diagnostics_channel`: the way undici and Fastify
 * let any monitoring tool watch them without a dependency either way. Their
 * names are public API; a tool that knows them needs nothing of this project.
 *
 * Both are TracingChannels, so each traced step publishes on five channels:
 * `tracing:<name>:start`, `:end`, `:asyncStart`, `:asyncEnd` and `:error`,
 * in Node's own order (start, then error if it threw, then end; for a
 * promise, asyncStart and asyncEnd when it settles, after error if it
 * rejected). Every event of one step carries the same context object.
 *
 * A context says who and what, never with which values: the namespace, the
 * plugin's name and where it was declared, the pattern or stage, and the
 * shape of the arguments (`arg-shape.ts`). The plugin's answer is never put
 * on it; what a step threw or rejected with is, as `error`, since that is
 * what a monitoring tool reports.
 */
import { type TracingChannel, tracingChannel } from 'node:diagnostics_channel';
import type { PluginSource } from '../discovery/entry-point.ts';
import type { ArgShape } from './arg-shape.ts';

/** Every call of a plugin by a driver, a dispatcher or an iterator. */
export const CALL_CHANNEL = 'plugin-patterns:call';
/** Every loading stage: discovery of a namespace, import, integration, enforcement of a plugin. */
export const LOAD_CHANNEL = 'plugin-patterns:load';

/** The invocation pattern that made a call. */
export type Pattern = 'driver' | 'dispatch' | 'iterator';

/** The loading stages that are published. */
export type LoadStage = 'discovery' | 'import' | 'integration' | 'enforcement';

/** What one traced step sets on its context as it goes. */
export interface StepOutcome {
  /** Set before `end` when the step answered with a promise: asyncStart and asyncEnd follow. */
  promised?: true;
  /** What the step threw or rejected with; set before `error`. */
  error?: unknown;
}

/** The context of every event of one plugin call. */
export interface PluginCallContext extends StepOutcome {
  readonly namespace: string;
  /** The plugin's name. */
  readonly plugin: string;
  /** Where the plugin was declared (package and version, file, or handed in). */
  readonly source: PluginSource;
  readonly pattern: Pattern;
  /**
   * The arguments a call site handed the call besides the plugin itself, by
   * shape only. The patterns here hand none: the host's callback holds its
   * own arguments, out of sight.
   */
  readonly args: readonly ArgShape[];
}

/** The context of every event of one loading stage. */
export interface LoadStageContext extends StepOutcome {
  readonly stage: LoadStage;
  readonly namespace: string;
  /** The plugin being loaded; undefined for discovery, which reads a whole namespace. */
  readonly plugin: string | undefined;
  readonly source: PluginSource | undefined;
  /** The approach at work: the discovery sources' kinds, `importer`, the integration's or contract's name. */
  readonly by: string;
  /** Discovery only, set before `end`: how many declarations were found, refused ones included. */
  found?: number;
}

/** Publishes every plugin call (CALL_CHANNEL). */
export const callChannel: TracingChannel<unknown, PluginCallContext> = tracingChannel(CALL_CHANNEL);
/** Publishes every loading stage (LOAD_CHANNEL). */
export const loadChannel: TracingChannel<unknown, LoadStageContext> = tracingChannel(LOAD_CHANNEL);
