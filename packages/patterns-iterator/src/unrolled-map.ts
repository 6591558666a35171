/**
 * Map's fast path, compiled per plan: the loop of `mapSeries` unrolled into a
 * function of its own, with one call site per plugin.
 *
 * Why: a loop calls every plugin from one call site. Ten plugins of ten
 * classes make that site megamorphic (it has seen too many shapes), so V8
 * cannot inline the plugin's method and every call is a full lookup and call,
 * 20–40 ns for a method that returns a field. tapable, webpack's hook
 * runner, avoids it by compiling (`new Function`) one function per hook,
 * with a call site per tap. This file does the same for a plan, and keeps
 * what tapable drops: containment. It generates, for three plugins:
 *
 *     const p0 = plan.objects[0]; …                 the plugins, as constants
 *     return function mapUnrolled(call, policy) {
 *       let at = 0, pending, v0, v1, v2;
 *       try {
 *         calls: {
 *           v0 = call(p0);
 *           if (<v0 is a thenable>) { pending = v0; break calls; }
 *           at = 1;
 *           v1 = call(p1);  …
 *           return { values: [v0, v1, v2], from, failures: NO_FAILURES };
 *         }
 *       } catch (thrown) {
 *         return mapAfterThrow(plan, call, policy, at, thrown, [v0, v1, v2].slice(0, at));
 *       }
 *       return mapAsync({ plan, call, policy, index: at, pending, values: [v0, v1, v2].slice(0, at) });
 *     };
 *
 * The constants are the point. Each compiled function has exactly one
 * closure, so V8 specialises it to what that closure captured: at `call(p1)`
 * it knows the host's callback and the very object `p1`, and inlines both
 * down to the plugin's method. (In a trial, the same unrolled body reading
 * its plugins from an array, or a chain of closures made without generating
 * code, was as slow as the loop.) A throw or a promise hands the run to the
 * functions the loop hands it to (map.ts), so results, failures, recorded
 * errors and the switch to async are the loop's own.
 *
 * Plugins that answer with promises get the same treatment. When the first
 * plugin's answer is a promise (a plan of async plugins, the usual async
 * run) and there is no time limit, the run goes on in a second compiled
 * function, `mapAsyncUnrolled`: one call site and one `await` per plugin,
 * answers pushed as they come. A throw or a rejection hands the rest of the
 * run to `mapAfterThrow`, as in the sync run. A run that turns async later,
 * or runs under a time limit, goes to the loop's `mapAsync`. (In a trial on
 * ten async plugins, the compiled run took about 0.9x a hand-written await
 * loop, where `mapAsync` took about 1.1x: with one call site per plugin,
 * V8 knows each plugin's method where the loop's one site has seen ten.)
 *
 * What goes into the source: integers, nothing else. `unrolledMapSource`
 * takes a count; plugin objects, names and references reach the function as
 * values, so nothing a manifest says can become code. Where code generation
 * from strings is refused (`node --disallow-code-generation-from-strings`, a
 * browser's content security policy) `new Function` throws an EvalError:
 * that is found out once, and map keeps the loop. So does a plan of more than
 * MAX_UNROLLED plugins, and a manager made with `codeGeneration: false`.
 */
import type { Plan } from './engine.ts';
import type { RunPolicy } from './error-policy.ts';
import {
  type MapResult,
  mapAfterThrow,
  mapAsync,
  mapSeries,
  NO_FAILURES,
  type PluginCall,
} from './map.ts';

/**
 * Above this many plugins a plan keeps the loop. A longer body is a bigger
 * function for V8 to optimise and to inline into: in a trial on Node 24,
 * bodies for up to 80 trivial plugins ran about eight times faster than the
 * loop, and one for 90 was never optimised and ran at twice the loop's time.
 * 32 stays well clear of that cliff for plugins whose calls are bigger.
 */
export const MAX_UNROLLED = 32;

/**
 * The run that compiles: a plan's first map run takes the loop, so a plan
 * mapped only once (a command-line run) never pays for a compile.
 */
const COMPILE_ON_RUN = 2;

/** Manager option: whether map may generate code for a plan. */
export interface UnrollOptions {
  /** Default true. false: map always runs the loop, and never calls `new Function`. */
  readonly codeGeneration?: boolean;
}

/** One map run over one plan (the plan is bound in). */
export type MapRun<T> = (
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
) => MapResult<T, unknown> | Promise<MapResult<T, unknown>>;

/** Makes a function from parameter names and a body, as `new Function` does. Injectable for tests. */
export type Compiler = (
  parameters: readonly string[],
  body: string,
) => (...args: never[]) => unknown;

/**
 * The map run a manager uses for a plan: the loop, until the plan's second
 * run, which compiles the unrolled function if it can and uses it from then
 * on.
 *
 * `settle`, when given, is handed the run that is kept (the compiled one, or
 * the loop where nothing compiles) as soon as it is known, before that run
 * starts. A manager stores it and calls it directly from then on, so the
 * closure that counts runs is out of the way of every later call (against
 * tapable's SyncHook, about 2% of a run of ten sync plugins, in the median
 * of eleven benchmark runs).
 */
export function mapRunner<T>(
  plan: Plan<T>,
  options: UnrollOptions = {},
  settle?: (run: MapRun<T>) => void,
): MapRun<T> {
  const loop: MapRun<T> = (call, policy) => mapSeries(plan, call, policy);
  const count = plan.objects.length;
  if (options.codeGeneration === false || count === 0 || count > MAX_UNROLLED) return loop;
  let runs = 0;
  let run: MapRun<T> | undefined;
  return (call, policy) => {
    if (run === undefined) {
      if (++runs < COMPILE_ON_RUN) return loop(call, policy);
      run = (codeGenerationAllowed() ? compileMap(plan) : undefined) ?? loop;
      settle?.(run);
    }
    return run(call, policy);
  };
}

/**
 * Compiles the unrolled map run for a plan of 1 to MAX_UNROLLED plugins.
 * Returns undefined when the compiler refuses code from strings (EvalError);
 * any other error is a bug here and is thrown.
 */
export function compileMap<T>(
  plan: Plan<T>,
  compile: Compiler = newFunction,
): MapRun<T> | undefined {
  let make: (...args: never[]) => unknown;
  try {
    make = compile(['plan', ...Object.keys(BOUND)], unrolledMapSource(plan.objects.length));
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  const args = [plan, ...Object.values(BOUND)] as never[];
  return make(...args) as MapRun<T>;
}

/**
 * The body of the compiled function, for `count` plugins. Its only input is
 * a number: whatever else the function needs is bound in as a value.
 */
export function unrolledMapSource(count: number): string {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_UNROLLED) {
    throw new RangeError(`an unrolled map takes 1 to ${MAX_UNROLLED} plugins, not ${count}`);
  }
  const indexes = Array.from({ length: count }, (_, k) => k);
  const values = (n: number) =>
    indexes
      .slice(0, n)
      .map((k) => `v${k}`)
      .join(', ');
  const all = values(count);
  // A promise leaves the block of calls with `at` and `pending` set, so the
  // answers so far are listed twice in all, not once per plugin: the source
  // grows with the count, not with its square.
  const lines = [
    "'use strict';",
    ...indexes.map((k) => `const p${k} = plan.objects[${k}];`),
    'const from = plan.extensions;',
    ...asyncRunSource(indexes),
    'return function mapUnrolled(call, policy) {',
    `  let at = 0, pending, ${all};`,
    '  try {',
    '    calls: {',
  ];
  for (const k of indexes) {
    if (k > 0) lines.push(`      at = ${k};`);
    lines.push(
      `      v${k} = call(p${k});`,
      `      if (v${k} != null && typeof v${k}.then === 'function' && isObject(v${k})) {`,
      `        pending = v${k};`,
      '        break calls;',
      '      }',
    );
  }
  lines.push(
    `      return { values: [${all}], from, failures: NO_FAILURES };`,
    '    }',
    '  } catch (thrown) {',
    `    return mapAfterThrow(plan, call, policy, at, thrown, [${all}].slice(0, at));`,
    '  }',
    '  if (at === 0 && policy.guard.timeoutMs === undefined) {',
    '    return mapAsyncUnrolled(call, policy, pending);',
    '  }',
    `  return mapAsync({ plan, call, policy, index: at, pending, values: [${all}].slice(0, at) });`,
    '};',
  );
  return lines.join('\n');
}

/**
 * The compiled async run: from the first plugin's promise (`pending`) to the
 * last plugin, one `await` for each answer that is a thenable. One variable
 * holds each answer in turn, since an async function keeps every variable it
 * has across each `await`.
 */
function asyncRunSource(indexes: readonly number[]): string[] {
  const lines = [
    'async function mapAsyncUnrolled(call, policy, pending) {',
    '  const values = [];',
    '  let at = 0, v;',
    '  try {',
    '    values.push(await pending);',
  ];
  for (const k of indexes.slice(1)) {
    lines.push(
      `    at = ${k};`,
      `    v = call(p${k});`,
      "    if (v != null && typeof v.then === 'function' && isObject(v)) v = await v;",
      '    values.push(v);',
    );
  }
  lines.push(
    '  } catch (thrown) {',
    '    return mapAfterThrow(plan, call, policy, at, thrown, values);',
    '  }',
    '  return { values, from, failures: NO_FAILURES };',
    '}',
  );
  return lines;
}

/** Whether this runtime makes code from strings: asked once, on the first compile. */
export function codeGenerationAllowed(): boolean {
  allowed ??= probe();
  return allowed;
}

let allowed: boolean | undefined;

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

/**
 * The values the generated body refers to besides the plan, by the names it
 * uses. Its thenable test is the loader's `isThenable` written out at each
 * call site, in the same order: `then` read first, whether the answer is an
 * object asked last. Written out, each call site keeps its own record of its
 * plugin's answer types, so for a number V8 knows the read finds nothing and
 * drops the test, where asking `typeof x === 'object'` first would check it
 * on every answer (in a trial, that check alone cost about a third of
 * tapable's time for a run). It classifies alike: a primitive is never a
 * thenable, whatever its prototype holds.
 */
const BOUND = {
  mapAsync,
  mapAfterThrow,
  isObject: (value: unknown): boolean => typeof value === 'object' || typeof value === 'function',
  NO_FAILURES,
};
