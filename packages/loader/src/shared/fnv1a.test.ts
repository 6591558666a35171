import { describe, expect, it } from 'vitest';
import { fnv1a } from './fnv1a.ts';

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('hashes bytes and their text alike', () => {
    expect(fnv1a(new TextEncoder().encode('plugin-patterns'))).toBe(fnv1a('plugin-patterns'));
  });
});
