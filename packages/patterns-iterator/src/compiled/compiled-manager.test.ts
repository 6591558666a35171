import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ExtensionSet, type PluginError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { isThenable, type Plan } from './engine.ts';
import type { RunPolicy } from './error-policy.ts';
import type { IteratorManager } from './iterator-manager.ts';
import type { MapResult } from './map.ts';
import {
  inUnrolledRun,
  loopManagerOf,
  managerOf,
  sync,
  unrolledManagerOf,
} from './test-plugins.ts';
import {
  type Compiler,
  compileMap,
  MAX_UNROLLED,
  type MapRun,
  mapRunner,
  unrolledMapSource,
} from './unrolled-map.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('the generated source: a count, and nothing from the plugins', () => {
  it('is the same for any two plans of one size, and holds no plugin name or reference', () => {
    const bodies: string[] = [];
    const recording: Compiler = (parameters, body) => {
      bodies.push(body);
      return new Function(...parameters, body) as (...args: never[]) => unknown;
    };
    const hostile = ['a"); process.exit(1); ("', '`); throw 1; (`', '*/ throw 1; /*'];
    const plans = [planOf(['cpu_sensor', 'disk_sensor', 'net_sensor']), planOf(hostile)];
    for (const plan of plans) expect(compileMap(plan, recording)).toBeTypeOf('function');
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).toBe(unrolledMapSource(3));
    for (const extension of plans.flatMap((p) => p.extensions)) {
      expect(bodies[0]).not.toContain(extension.name);
      expect(bodies[0]).not.toContain(extension.reference);
    }
  });

  it('writes no number but the plugin indexes below the count', () => {
    for (const count of [1, 7, MAX_UNROLLED]) {
      const numbers = [...unrolledMapSource(count).matchAll(/\d+/g)].map((m) => Number(m[0]));
      expect(numbers.every((n) => Number.isInteger(n) && n < count)).toBe(true);
    }
  });

  it(`refuses a count that is not a whole number from 1 to ${MAX_UNROLLED}`, () => {
    for (const count of [0, -1, 2.5, Number.NaN, MAX_UNROLLED + 1]) {
      expect(() => unrolledMapSource(count)).toThrow(RangeError);
    }
  });
});

describe('when code generation is refused', () => {
  it('compiles nothing when the compiler throws an EvalError (a content security policy)', () => {
    const refusing: Compiler = () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    expect(compileMap(planOf(['a', 'b']), refusing)).toBeUndefined();
  });

  it('lets any other compile error through: that would be a bug in the generator', () => {
    const broken: Compiler = () => {
      throw new SyntaxError('Unexpected token');
    };
    expect(() => compileMap(planOf(['a']), broken)).toThrow(SyntaxError);
  });

  it('keeps the loop, with the same results, in a process run with --disallow-code-generation-from-strings', () => {
    const script = join(
      import.meta.dirname,
      '..',
      'test',
      'fixtures',
      'map-without-code-generation.ts',
    );
    const child = spawnSync(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--conditions=@plugin-patterns/source', script],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const run = {
      values: [0.42, false],
      from: ['load', 'where'],
      failures: ['[host.readings:broken] (invocation) call failed: sensor gone'],
    };
    expect(JSON.parse(child.stdout)).toEqual({
      refused: 'EvalError',
      allowed: false,
      runs: [run, run, run],
    });
  });
});

describe('which runs are compiled', () => {
  const where = (manager: IteratorManager<Fn>) => sync(manager.map(call)).values;

  it("runs a plan's first map as the loop and compiles at its second", () => {
    const manager = managerOf<Fn>({ a: inUnrolledRun, b: () => 'b' });
    expect(where(manager)).toEqual([false, 'b']);
    expect(where(manager)).toEqual([true, 'b']);
    expect(where(manager)).toEqual([true, 'b']);
  });

  it(`compiles a plan of ${MAX_UNROLLED} plugins and keeps the loop for one more`, () => {
    const plugins = (count: number) =>
      Array.from({ length: count }, (_, k) => [`p${k}`, inUnrolledRun] as const);
    const atLimit = managerOf<Fn>(plugins(MAX_UNROLLED));
    where(atLimit);
    expect(new Set(where(atLimit))).toEqual(new Set([true]));
    const over = managerOf<Fn>(plugins(MAX_UNROLLED + 1));
    where(over);
    expect(new Set(where(over))).toEqual(new Set([false]));
  });

  it('never compiles with codeGeneration: false', () => {
    const manager = managerOf<Fn>({ a: inUnrolledRun }, { codeGeneration: false });
    for (let run = 0; run < 3; run++) expect(where(manager)).toEqual([false]);
  });

  it('starts afresh when the manager replans: the disabled plugin is not in the compiled run', () => {
    const manager = managerOf<Fn>({ a: inUnrolledRun, b: () => 'b', c: inUnrolledRun });
    where(manager);
    expect(where(manager)).toEqual([true, 'b', true]);
    manager.disable('b', 'test', 'switched off');
    expect(where(manager)).toEqual([false, false]);
    expect(where(manager)).toEqual([true, true]);
  });

  it('hands the run it keeps to settle once, at the second run, before running it', () => {
    const settled: MapRun<Fn>[] = [];
    const seen: boolean[] = [];
    const plan = planOf(['a'], [() => seen.push(inUnrolledRun())]);
    const runner = mapRunner(plan, {}, (run) => settled.push(run));
    const runWith = (run: MapRun<Fn>) => sync(run(call as (plugin: Fn) => unknown, policy));
    runWith(runner);
    expect(settled).toHaveLength(0);
    runWith(runner);
    runWith(runner);
    expect(settled).toHaveLength(1);
    // What it was handed is the compiled run itself: a host may call it directly.
    runWith(settled[0] as MapRun<Fn>);
    expect(seen).toEqual([false, true, true, true]);
  });

  it('binds the plan in: a runner runs the plan it was made for', () => {
    const plan = planOf(['a', 'b'], [() => 1, () => 2]);
    const run = mapRunner(plan);
    const runs = [1, 2, 3].map(() => sync(run(call as (plugin: Fn) => unknown, policy)));
    expect(runs.map((r) => r.values)).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(runs.map((r) => r.from)).toEqual([plan.extensions, plan.extensions, plan.extensions]);
  });
});

/** Plugins that answer each in one way, logging their name when called. */
const answerKinds: Record<string, (log: string[], name: string) => Fn> = {
  'answers at once': (log, name) => () => {
    log.push(name);
    return `${name} now`;
  },
  throws: (log, name) => () => {
    log.push(name);
    throw new Error(`${name} broke`);
  },
  'answers a promise': (log, name) => async () => {
    log.push(name);
    return `${name} later`;
  },
  'answers a rejected promise': (log, name) => () => {
    log.push(name);
    return Promise.reject(new Error(`${name} refused`));
  },
  'answers a thenable whose then getter throws': (log, name) => () => {
    log.push(name);
    return Object.defineProperty({}, 'then', {
      get() {
        throw new Error(`${name}'s then`);
      },
    });
  },
};

/**
 * Five plugins answering as `usual`, but for the one at `index`, which
 * answers as `kind`: run by the loop and by the compiled run, collecting
 * failures and raising them, the two must give the same answers and failures,
 * call the same plugins and record the same errors. The loop's outcomes.
 */
async function sameAsTheLoop(usual: string, kind: string, index: number) {
  const run = async (makeManager: typeof managerOf, onError: 'collect' | 'raise') => {
    const log: string[] = [];
    const plugins = ['p0', 'p1', 'p2', 'p3', 'p4'].map((name, k): [string, Fn] => {
      const answer = answerKinds[k === index ? kind : usual];
      if (answer === undefined) throw new Error(`no such kind of answer: ${kind}`);
      return [name, answer(log, name)];
    });
    const manager = makeManager<Fn>(plugins, { onError });
    return { ...(await outcome(() => manager.map(call))), log, recorded: lastErrors(manager) };
  };
  const loops = [];
  for (const onError of ['collect', 'raise'] as const) {
    const loop = await run(loopManagerOf, onError);
    expect(await run(unrolledManagerOf, onError)).toEqual(loop);
    loops.push(loop);
  }
  return loops;
}

describe('a throw or a promise at any plugin: the run goes on as the loop goes on', () => {
  const kinds = Object.keys(answerKinds).filter((kind) => kind !== 'answers at once');
  const positions = { first: 0, middle: 2, last: 4 };
  const cases = kinds.flatMap((kind) =>
    Object.entries(positions).map(([at, index]) => ({ kind, at, index })),
  );

  it.each(cases)('a plugin that $kind, $at', async ({ kind, index }) => {
    await sameAsTheLoop('answers at once', kind, index);
  });
});

describe('a run whose first plugin answers with a promise: the compiled async run', () => {
  const later = (value: unknown) => async () => value;
  type Where = () => boolean;

  it('goes on in the compiled async run, without a time limit only', async () => {
    const manager = managerOf<Fn | Where>({
      first: later('first'),
      where: () => inUnrolledRun('mapAsyncUnrolled'),
    });
    const where = async (options?: { timeoutMs: number }) =>
      (await manager.map((plugin) => plugin(), options)).values[1];
    expect(await where()).toBe(false); // a plan's first run is the loop
    expect(await where()).toBe(true);
    expect(await where({ timeoutMs: 1_000 })).toBe(false); // mapAsync races each answer against the clock
  });

  // After the first plugin's promise, every other kind of answer, at every later place.
  const kinds = Object.keys(answerKinds).filter((kind) => kind !== 'answers a promise');
  const cases = kinds.flatMap((kind) =>
    Object.entries({ second: 1, middle: 2, last: 4 }).map(([at, index]) => ({ kind, at, index })),
  );

  it.each(cases)(
    'a plugin that $kind, $at, goes on as the loop goes on',
    async ({ kind, index }) => {
      const loops = await sameAsTheLoop('answers a promise', kind, index);
      expect(loops.every((loop) => loop.promised)).toBe(true);
    },
  );

  it('rejects the first promise as the loop does, and calls every other plugin', async () => {
    const plugins = {
      p0: () => Promise.reject(new Error('p0 refused')),
      p1: later('p1'),
      p2: () => 'p2',
    };
    const loop = await outcome(() => loopManagerOf<Fn>(plugins).map(call));
    expect(loop).toMatchObject({ values: ['p1', 'p2'], from: ['p1', 'p2'] });
    expect(await outcome(() => unrolledManagerOf<Fn>(plugins).map(call))).toEqual(loop);
  });
});

describe('thenables are told apart as the engine tells them', () => {
  // Made with defineProperty: these are thenables (or not) on purpose.
  const withThen = <O extends object>(target: O, then: unknown): O =>
    Object.defineProperty(target, 'then', { value: then });
  const resolveTo = (value: string) => (ok: (v: string) => void) => ok(value);
  const plain = withThen({}, 1);
  const bare = withThen(Object.create(null) as object, resolveTo('bare'));
  const callable = withThen(() => 'f', resolveTo('callable'));
  const answers: [string, unknown][] = [
    ['a number', 7],
    ['a string', 'text'],
    ['a boolean', true],
    ['a bigint', 7n],
    ['a symbol', Symbol.for('answer')],
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['an object whose then is not a function', plain],
    ['a promise', Promise.resolve('resolved')],
    ['a thenable with no prototype', bare],
    ['a function with a then method', callable],
  ];

  it.each(answers)('%s', async (_, answer) => {
    const plugins = { before: () => 'before', it: () => answer, after: () => 'after' };
    const loop = await outcome(() => loopManagerOf<Fn>(plugins).map(call));
    expect(loop.promised).toBe(isThenable(answer));
    expect(await outcome(() => unrolledManagerOf<Fn>(plugins).map(call))).toEqual(loop);
  });
});

/** Collect failures, no time limit: the manager's defaults. */
const policy: RunPolicy = {
  namespace: 'test.plugins',
  onError: 'collect',
  onEmpty: 'empty',
  guard: {},
  emptyError: () => {
    throw new Error('the plan is not empty');
  },
};

/** What one map run gave, in a form two runs can be compared by. */
async function outcome(run: () => MapResult<Fn, unknown> | Promise<MapResult<Fn, unknown>>) {
  let promised = false;
  try {
    const pending = run();
    promised = pending instanceof Promise;
    const result = await pending;
    return {
      promised,
      values: result.values,
      from: result.from.map((e) => e.name),
      failures: result.failures.map(summary),
    };
  } catch (thrown) {
    return { promised, thrown: summary(thrown as PluginError) };
  }
}

function summary(error: PluginError) {
  return { type: error.constructor.name, plugin: error.plugin, message: error.message };
}

function lastErrors(manager: IteratorManager<Fn>) {
  return manager.set.extensions.map((e) => e.lastError?.message);
}

/** A plan over plugins handed in directly, as a manager would make it. */
function planOf(
  names: readonly string[],
  objects: readonly Fn[] = names.map(() => () => 0),
): Plan<Fn> {
  const set = ExtensionSet.fromObjects<Fn>(
    'test.plugins',
    names.map((name, k) => [name, objects[k] as Fn] as const),
  );
  return { extensions: set.extensions, objects: set.extensions.map((e) => e.object) };
}
