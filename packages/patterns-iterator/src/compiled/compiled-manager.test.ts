import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ExtensionSet, type PluginError } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, callStarted, isThenable } from '@plugin-patterns/loader/invocation';
import { describe, expect, it } from 'vitest';
import type { IteratorManager } from '../iterator-manager.ts';
import type { MapResult } from '../map.ts';
import { compiledManagerOf, inCompiledRun, managerOf, NAMESPACE, sync } from '../test-plugins.ts';
import type { Wrapper } from '../wrap.ts';
import { CompiledIteratorManager, type Compiler } from './compiled-manager.ts';
import { compiledMapSource, MAX_PER_FUNCTION } from './compiled-map-source.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('the generated source: two integers, and nothing from the plugins', () => {
  it('holds no plugin name or reference, whatever the names say', () => {
    const bodies: string[] = [];
    const recording: Compiler = (parameters, body) => {
      bodies.push(body);
      return new Function(...parameters, body) as (...args: never[]) => unknown;
    };
    const hostile = ['a"); process.exit(1); ("', '`); throw 1; (`', '*/ throw 1; /*'];
    const set = ExtensionSet.fromObjects<Fn>(
      NAMESPACE,
      hostile.map((name, k) => [name, () => k] as const),
    );
    const manager = new CompiledIteratorManager(set, { compiler: recording });
    expect(sync(manager.map(call)).values).toEqual([0, 1, 2]);
    expect(bodies).toHaveLength(1);
    for (const name of hostile) expect(bodies[0]).not.toContain(name);
    const numbers = [...(bodies[0] ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
    expect(numbers.every(Number.isSafeInteger)).toBe(true);
  });

  it('is a different text for every function, so that no two share compiled code', () => {
    expect(compiledMapSource(3, 1)).not.toBe(compiledMapSource(3, 2));
    expect(compiledMapSource(3, 1).replaceAll('compiledMap1', 'compiledMap2')).toBe(
      compiledMapSource(3, 2),
    );
  });

  it(`refuses a count that is not a whole number from 1 to ${MAX_PER_FUNCTION}, and a bad number`, () => {
    for (const count of [0, -1, 2.5, Number.NaN, MAX_PER_FUNCTION + 1]) {
      expect(() => compiledMapSource(count, 0)).toThrow(RangeError);
    }
    for (const serial of [-1, 0.5, Number.POSITIVE_INFINITY]) {
      expect(() => compiledMapSource(1, serial)).toThrow(RangeError);
    }
  });
});

describe('when code generation is refused', () => {
  const plugins = { a: inCompiledRun, b: () => 'b' };

  it('runs the plain map when the compiler throws an EvalError (a content security policy)', () => {
    const refusing: Compiler = () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    const set = ExtensionSet.fromObjects<Fn>(NAMESPACE, plugins);
    const manager = new CompiledIteratorManager(set, { compiler: refusing });
    expect(sync(manager.map(call)).values).toEqual([false, 'b']);
  });

  it('lets any other compile error through: that would be a bug in the generator', () => {
    const broken: Compiler = () => {
      throw new SyntaxError('Unexpected token');
    };
    const set = ExtensionSet.fromObjects<Fn>(NAMESPACE, plugins);
    expect(() => new CompiledIteratorManager(set, { compiler: broken }).map(call)).toThrow(
      SyntaxError,
    );
  });

  it('runs the plain map, with the same results, in a process run with --disallow-code-generation-from-strings', () => {
    const script = join(
      import.meta.dirname,
      '..',
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

  it('compiles from the first run', () => {
    const manager = compiledManagerOf<Fn>({ a: inCompiledRun, b: () => 'b' });
    expect(where(manager)).toEqual([true, 'b']);
    expect(where(manager)).toEqual([true, 'b']);
  });

  it(`compiles a plan of more than ${MAX_PER_FUNCTION} plugins as several functions, every plugin in one`, () => {
    const count = MAX_PER_FUNCTION * 3 + 5;
    const plugins = Array.from({ length: count }, (_, k) => [`p${k}`, inCompiledRun] as const);
    const values = where(compiledManagerOf<Fn>(plugins));
    expect(values).toHaveLength(count);
    expect(new Set(values)).toEqual(new Set([true]));
  });

  it('compiles afresh when the manager replans: the disabled plugin is not called', () => {
    const manager = compiledManagerOf<Fn>({ a: inCompiledRun, b: () => 'b', c: inCompiledRun });
    expect(where(manager)).toEqual([true, 'b', true]);
    manager.disable('b', 'test', 'switched off');
    expect(where(manager)).toEqual([true, true]);
  });

  it('compiles one function per callback: two callbacks over one manager each run compiled', () => {
    type Plugin = { count(): number; name(): string };
    const counter = (n: number): Plugin => ({ count: () => n, name: () => `p${n}` });
    const manager = new CompiledIteratorManager(
      ExtensionSet.fromObjects<Plugin>(NAMESPACE, { a: counter(1), b: counter(2) }),
    );
    const counts = manager.compile((p) => p.count());
    const names = manager.compile((p) => p.name());
    for (let run = 0; run < 3; run++) {
      expect(sync(counts()).values).toEqual([1, 2]);
      expect(sync(names()).values).toEqual(['p1', 'p2']);
    }
    const seen: boolean[] = [];
    const compiledWhere = manager.compile(() => seen.push(inCompiledRun()));
    compiledWhere();
    expect(seen).toEqual([true, true]);
  });

  it("takes the options of a run, over the manager's own", () => {
    const manager = compiledManagerOf<Fn>(
      {
        a: () => {
          throw new Error('no');
        },
      },
      { method: 'read' },
    );
    expect(sync(manager.map(call)).failures[0]?.message).toBe(
      '[test.plugins:a] (invocation) call to read() failed: no',
    );
    expect(() => manager.map(call, { onError: 'raise' })).toThrow('call to read() failed');
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
 * answers as `kind`: run by the plain loop and by the compiled run, collecting
 * failures and raising them, the two must give the same answers and failures,
 * call the same plugins and record the same errors. The loop's outcomes.
 */
async function sameAsTheLoop(usual: string, kind: string, index: number, count = 5) {
  const run = async (makeManager: typeof managerOf, onError: 'collect' | 'raise') => {
    const log: string[] = [];
    const names = Array.from({ length: count }, (_, k) => `p${k}`);
    const plugins = names.map((name, k): [string, Fn] => {
      const answer = answerKinds[k === index ? kind : usual];
      if (answer === undefined) throw new Error(`no such kind of answer: ${kind}`);
      return [name, answer(log, name)];
    });
    const manager = makeManager<Fn>(plugins, { onError });
    return { ...(await outcome(() => manager.map(call))), log, recorded: lastErrors(manager) };
  };
  const loops = [];
  for (const onError of ['collect', 'raise'] as const) {
    const loop = await run(managerOf, onError);
    expect(await run(compiledManagerOf, onError)).toEqual(loop);
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

describe('across the functions of a long plan', () => {
  const count = MAX_PER_FUNCTION + 8;
  const kinds = Object.keys(answerKinds).filter((kind) => kind !== 'answers at once');
  const positions = {
    'last of the first function': MAX_PER_FUNCTION - 1,
    'first of the second': MAX_PER_FUNCTION,
  };
  const cases = kinds.flatMap((kind) =>
    Object.entries(positions).map(([at, index]) => ({ kind, at, index })),
  );

  it.each(cases)('a plugin that $kind, $at', async ({ kind, index }) => {
    await sameAsTheLoop('answers at once', kind, index, count);
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
    const loop = await outcome(() => managerOf<Fn>(plugins).map(call));
    expect(loop.promised).toBe(isThenable(answer));
    expect(await outcome(() => compiledManagerOf<Fn>(plugins).map(call))).toEqual(loop);
  });
});

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

describe('the plugin-at-work note around a compiled run', () => {
  it('puts back a caller’s plugin when a plugin answers with a promise', async () => {
    const set = ExtensionSet.fromObjects<Fn>(NAMESPACE, [
      ['now', () => 1],
      ['later', async () => 2],
    ]);
    const manager = new CompiledIteratorManager(set);
    const previous = callStarted({ namespace: 'host.plugins', name: 'caller' }, 'handle');
    try {
      const pending = manager.map(call);
      expect(atWorkNote().plugin?.name).toBe('caller');
      expect((await pending).values).toEqual([1, 2]);
    } finally {
      callEnded(previous);
    }
  });
});

describe('the compiled map, among the manager’s other features', () => {
  it('runs inside the manager’s wrappers, and calls plugins added at run time', () => {
    const seen: string[] = [];
    const wrappers = ExtensionSet.fromObjects<Wrapper>('test.wrappers', {
      noting: {
        wrap(run, about) {
          seen.push(about.mode);
          return run();
        },
      },
    });
    const manager = new CompiledIteratorManager(
      ExtensionSet.fromObjects<Fn>(NAMESPACE, { a: inCompiledRun }),
      { wrappers },
    );
    const readAll = manager.compile(call);
    expect(sync(readAll()).values).toEqual([true]);
    manager.add('late', inCompiledRun);
    expect(sync(readAll()).values).toEqual([true, true]);
    expect(seen).toEqual(['map', 'map']);
  });
});
