/**
 * The source text of a compiled map: the lesson of tapable, webpack's hook
 * runner, applied to this package's map. See docs/how-tapable-gets-its-speed.md.
 *
 * A loop calls every plugin from one call site. Ten plugins of ten classes
 * make that site megamorphic (it has seen too many shapes), so V8 cannot
 * inline the plugin's method there and each call is a full lookup. tapable
 * compiles (`new Function`) one function per hook with a call site per tap.
 * This file writes such a function for a run of plugins: each plugin and the
 * host's callback are constants of the function, and each plugin is called
 * from a line of its own, inside a `try` of its own, so containment stays.
 * For two plugins, function number 7:
 *
 *     const e0 = extensions[0], p0 = objects[0];     the plugins, as constants
 *     const e1 = extensions[1], p1 = objects[1];
 *     return function compiledMap7(run, policy) {
 *       let v;
 *       try {
 *         v = call(p0);
 *         if (<v is a thenable>) return rest(offset + 0, v, run, policy);
 *         run.values.push(v);
 *       } catch (thrown) {
 *         fail(e0, thrown, run, policy);
 *       }
 *       … the same for p1 …
 *     };
 *
 * What goes into the text: integers, nothing else. Plugins, names, the host's
 * callback and the helpers reach the function as values (the parameters
 * `extensions`, `objects`, `offset`, `call`, `isObject`, `fail`, `rest`), so nothing a
 * manifest says can become code. The function's number makes every text
 * unique: V8 caches the code of identical texts, and a shared function would
 * see the plugins of every plan, the very thing compiling is meant to avoid.
 */

/**
 * The most plugins one compiled function calls. A longer body is a bigger
 * function for V8 to optimise: in trials on Node 24, bodies for 80 trivial
 * plugins still ran fast and one for 90 was never optimised at all. A plan of
 * more plugins is compiled as several functions of at most this many, called
 * in turn.
 */
export const MAX_PER_FUNCTION = 32;

/** The parameters the source expects, in order. */
export const SOURCE_PARAMETERS = [
  'extensions',
  'objects',
  'offset',
  'call',
  'isObject',
  'fail',
  'rest',
] as const;

/**
 * The body of a compiled map function over `count` plugins, numbered
 * `serial`. Only these two integers go into the text.
 */
export function compiledMapSource(count: number, serial: number): string {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PER_FUNCTION) {
    throw new RangeError(
      `a compiled map function calls 1 to ${MAX_PER_FUNCTION} plugins, not ${count}`,
    );
  }
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new RangeError(`a compiled map function's number is a whole number ≥ 0, not ${serial}`);
  }
  const lines = ["'use strict';"];
  for (let k = 0; k < count; k++)
    lines.push(`const e${k} = extensions[${k}], p${k} = objects[${k}];`);
  lines.push(`return function compiledMap${serial}(run, policy) {`, '  let v;');
  for (let k = 0; k < count; k++) {
    lines.push(
      '  try {',
      `    v = call(p${k});`,
      // The loader's isThenable, written out so that each call site keeps its
      // own record of the answers it has seen.
      "    if (v != null && typeof v.then === 'function' && isObject(v)) {",
      `      return rest(offset + ${k}, v, run, policy);`,
      '    }',
      '    run.values.push(v);',
      '  } catch (thrown) {',
      `    fail(e${k}, thrown, run, policy);`,
      '  }',
    );
  }
  lines.push('  return undefined;', '};');
  return lines.join('\n');
}
