import { describe, expect, expectTypeOf, it } from 'vitest';
import { namespaceProblem } from './discovery/declared-names.ts';
import { convention } from './enforcement/convention.ts';
import { defineNamespace, type PluginOf } from './namespace.ts';

interface Pollster {
  poll(): number[];
}

describe('defineNamespace', () => {
  it('keeps the name, description and contract, frozen', () => {
    const contract = convention<Pollster>({ members: { poll: 'function' } });
    const ns = defineNamespace<Pollster>('meter.pollster', { description: 'pollsters', contract });
    expect(ns).toEqual({ name: 'meter.pollster', description: 'pollsters', contract });
    expect(Object.isFrozen(ns)).toBe(true);
    expectTypeOf<PluginOf<typeof ns>>().toEqualTypeOf<Pollster>();
  });

  it.each(['', '.hidden', 'meter pollster', 'meter/pollster', 'météo'])(
    'refuses %j with a TypeError naming it',
    (name) => {
      expect(() => defineNamespace(name)).toThrow(TypeError);
      expect(() => defineNamespace(name)).toThrow(`namespace "${name}" is not valid`);
    },
  );

  it.each([
    ['constructor', 'constructor'],
    ['prototype', 'prototype'],
    ['__proto__', '__proto__'],
    ['a name of 201 characters', 'x'.repeat(201)],
  ])("refuses %s, as discovery does, with discovery's reason", (_label, name) => {
    const problem = namespaceProblem(name);
    expect(problem).toBeDefined();
    expect(() => defineNamespace(name)).toThrow(TypeError);
    expect(() => defineNamespace(name)).toThrow(`namespace "${name.slice(0, 60)}`);
    expect(() => defineNamespace(name)).toThrow(`is not valid: ${problem}`);
  });

  it('names a value that is not a string by its type', () => {
    expect(() => defineNamespace(42 as unknown as string)).toThrow(
      'namespace a number is not valid: a namespace must be a string, not a number',
    );
  });

  it('accepts every namespace discovery accepts, so a declared one can always be defined', () => {
    for (const name of ['meter.pollster', 'a', 'A-b_c.9', 'x'.repeat(200)]) {
      expect(namespaceProblem(name)).toBeUndefined();
      expect(defineNamespace(name).name).toBe(name);
    }
  });
});
