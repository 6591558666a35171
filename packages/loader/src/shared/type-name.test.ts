import { describe, expect, it } from 'vitest';
import { parsePackageReference, parseSpecifierReference } from './reference.ts';
import { typeName } from './type-name.ts';

describe('typeName: one wording for a wrong value, in every message', () => {
  it('names each kind of value', () => {
    expect([null, [], {}, undefined, 'x', 1, true, 1n, Symbol(), () => 0].map(typeName)).toEqual([
      'null',
      'an array',
      'object',
      'undefined',
      'a string',
      'a number',
      'a boolean',
      'a bigint',
      'a symbol',
      'a function',
    ]);
  });

  it('is the wording of a reference that is not a string, as of every other field', () => {
    expect(parsePackageReference(42)).toEqual({
      ok: false,
      why: 'a reference must be a string, not a number',
    });
    expect(parseSpecifierReference(null)).toEqual({
      ok: false,
      why: 'a reference must be a string, not null',
    });
  });
});
