import { describe, expect, it } from 'vitest';
import { describeValue, kindOf } from './describe-value.ts';

describe('describeValue', () => {
  it('names primitives with their value', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue('memory:')).toBe('a string "memory:"');
    expect(describeValue(3)).toBe('the number 3');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });

  it('shortens a long string', () => {
    expect(describeValue('x'.repeat(100))).toBe(`a string "${'x'.repeat(40)}…"`);
  });

  it('tells classes from functions', () => {
    expect(describeValue(class Driver {})).toBe('class Driver');
    expect(describeValue(function make() {})).toBe('function make');
    expect(describeValue(() => 1)).toBe('function (anonymous)');
  });

  it('names an instance by its class, a plain object by its keys', () => {
    class Driver {}
    expect(describeValue(new Driver())).toBe('an instance of Driver');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe(
      'an object with keys a, b, c, d, e, …',
    );
    expect(describeValue(Object.create(null))).toBe('an empty object');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue(Promise.resolve())).toBe('a promise');
  });
});

describe('kindOf', () => {
  it('is typeof, with null and array told apart', () => {
    expect([null, [], {}, 'x', () => 1].map(kindOf)).toEqual([
      'null',
      'array',
      'object',
      'string',
      'function',
    ]);
  });
});
