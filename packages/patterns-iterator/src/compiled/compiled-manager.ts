/**
 * The compiled map, an explicit opt-in: an iterator manager whose `map` runs
 * a function generated for its plan and for the host's callback (see
 * compiled-map-source.ts and docs/how-tapable-gets-its-speed.md). Results,
 * failures, recorded errors, the switch to async and every option are those
 * of the plain `map`; only the speed differs, and only for some shapes.
 *
 *     const pollsters = new CompiledIteratorManager(set);
 *     const pollAll = pollsters.compile((p) => p.poll());   // keep it, call it often
 *     const { values } = pollAll();
 *
 * Compiled per callback: a host that maps two callbacks over one manager gets
 * two functions, each of whose call sites only ever sees one callback and one
 * plugin. Where code generation is refused (`node
 * --disallow-code-generation-from-strings`, a content security policy
 * without 'unsafe-eval'), and for an empty plan, it runs the plain map.
 */
import type { Extension } from '@plugin-patterns/loader';
import { atWorkNote, callEnded } from '@plugin-patterns/loader/invocation';
import { contain, type RunPolicy } from '../error-policy.ts';
import { IteratorManager, type IteratorOptions } from '../iterator-manager.ts';
import {
  type Gathered,
  type MapResult,
  mapRest,
  type PluginCall,
  resultOf,
  runMap,
} from '../map.ts';
import type { Outcome } from '../outcome.ts';
import { type Plan, planOf } from '../plan.ts';
import type { CallOptions } from '../run-options.ts';
import { compiledMapSource, MAX_PER_FUNCTION, SOURCE_PARAMETERS } from './compiled-map-source.ts';

/** Makes a function from parameter names and a body, as `new Function` does. */
export type Compiler = (
  parameters: readonly string[],
  body: string,
) => (...args: never[]) => unknown;

export interface CompiledOptions extends IteratorOptions {
  /** How to make a function from source; `new Function` unless a test hands in its own. */
  readonly compiler?: Compiler;
}

/** One callback's map, compiled for the manager's current plan; recompiled when it changes. */
export type CompiledMap<T, R> = (options?: CallOptions) => Outcome<R, MapResult<T, Awaited<R>>>;

/** A run of the map over one plan: the compiled functions in turn, or the plain map. */
type PlanRun<T> = (policy: RunPolicy) => MapResult<T, unknown> | Promise<MapResult<T, unknown>>;

export class CompiledIteratorManager<T> extends IteratorManager<T> {
  readonly #compiler: Compiler;
  // The run compiled for each callback `map` was given, so a host that calls
  // `map(poll)` with the same `poll` compiles once.
  readonly #byCallback = new WeakMap<PluginCall<T, unknown>, CompiledMap<T, unknown>>();

  constructor(
    set: ConstructorParameters<typeof IteratorManager<T>>[0],
    options: CompiledOptions = {},
  ) {
    super(set, options);
    this.#compiler = options.compiler ?? newFunction;
  }

  /** The map of `call`, compiled: keep the function and call it for each run. */
  compile<R>(call: PluginCall<T, R>): CompiledMap<T, R> {
    let planned: readonly Extension<T>[] | undefined;
    let run: PlanRun<T> = () => {
      throw new Error('unreachable: a run is compiled before its first call');
    };
    return (options) => {
      // The manager replans when a plugin leaves or joins: compile afresh then.
      const current = this.extensions();
      if (current !== planned) {
        planned = current;
        run = compilePlan(planOf(current), call, this.#compiler);
      }
      // No closure per run: wrapped() hands the policy to the compiled function.
      const result = this.wrapped('map', this.policyFor(options), run);
      return result as Outcome<R, MapResult<T, Awaited<R>>>;
    };
  }

  /** The same as the plain `map`, through the function compiled for `call`. */
  override map<R>(
    call: PluginCall<T, R>,
    options?: CallOptions,
  ): Outcome<R, MapResult<T, Awaited<R>>> {
    let compiled = this.#byCallback.get(call);
    if (compiled === undefined) {
      compiled = this.compile(call) as CompiledMap<T, unknown>;
      this.#byCallback.set(call, compiled);
    }
    return compiled(options) as Outcome<R, MapResult<T, Awaited<R>>>;
  }
}

/** Whether this runtime makes code from strings: asked once. */
export function codeGenerationAllowed(): boolean {
  allowed ??= probe();
  return allowed;
}

let allowed: boolean | undefined;
let serial = 0;

function compilePlan<T>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  compiler: Compiler,
): PlanRun<T> {
  const plain: PlanRun<T> = (policy) => runMap(plan, call, policy);
  const count = plan.extensions.length;
  if (count === 0 || (compiler === newFunction && !codeGenerationAllowed())) return plain;
  // The hand-over to the async half. mapRest clears the plugin-at-work note
  // before it first waits; a caller's plugin (this run inside a plugin's call)
  // is put back as the plain runMap's `finally` puts it back.
  const rest = (
    start: number,
    pending: PromiseLike<unknown>,
    run: Gathered<T, unknown>,
    policy: RunPolicy,
  ) => {
    const before = atWorkNote().plugin;
    try {
      return mapRest(plan, call, policy, run, start, pending);
    } finally {
      callEnded(before);
    }
  };
  const parts: ((
    run: Gathered<T, unknown>,
    policy: RunPolicy,
  ) => Promise<MapResult<T, unknown>> | undefined)[] = [];
  for (let offset = 0; offset < count; offset += MAX_PER_FUNCTION) {
    const extensions = plan.extensions.slice(offset, offset + MAX_PER_FUNCTION);
    const objects = plan.objects.slice(offset, offset + MAX_PER_FUNCTION);
    let make: (...args: never[]) => unknown;
    try {
      make = compiler(SOURCE_PARAMETERS, compiledMapSource(extensions.length, serial++));
    } catch (error) {
      if (error instanceof EvalError) return plain;
      throw error;
    }
    const args = [extensions, objects, offset, call, isObject, fail, rest];
    parts.push(make(...(args as never[])) as never);
  }
  return (policy) => {
    const run: Gathered<T, unknown> = { values: [], failed: [], failures: [] };
    for (const part of parts) {
      const handedOver = part(run, policy);
      if (handedOver !== undefined) return handedOver;
    }
    return resultOf(plan, run.values, run.failed, run.failures);
  };
}

/** A plugin threw (or its `then` getter did): blamed, recorded, collected or raised. */
function fail<T>(
  extension: Extension<T>,
  thrown: unknown,
  run: Gathered<T, unknown>,
  policy: RunPolicy,
): void {
  contain(extension, thrown, run.failures, policy);
  run.failed.push(extension);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' || typeof value === 'function';
}

function probe(): boolean {
  try {
    newFunction([], '');
    return true;
  } catch (error) {
    if (error instanceof EvalError) return false;
    throw error;
  }
}

function newFunction(parameters: readonly string[], body: string): (...args: never[]) => unknown {
  return new Function(...parameters, body) as (...args: never[]) => unknown;
}
