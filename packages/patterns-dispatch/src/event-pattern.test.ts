import { describe, expect, it } from 'vitest';
import { formatEventPattern, matchesEventPattern, parseEventPattern } from './event-pattern.ts';

function parsed(text: string) {
  const result = parseEventPattern(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.problem}`);
  return result.pattern;
}

describe('parseEventPattern', () => {
  it('reads exact types, prefix wildcards and the lone star', () => {
    expect(parsed('image.upload')).toEqual({ kind: 'exact', eventType: 'image.upload' });
    expect(parsed('compute.instance.*')).toEqual({
      kind: 'prefix',
      prefix: ['compute', 'instance'],
    });
    expect(parsed('*')).toEqual({ kind: 'prefix', prefix: [] });
  });

  it.each([
    ['', 'must not be empty'],
    ['compute..end', 'empty segment'],
    ['.compute', 'empty segment'],
    ['compute.', 'empty segment'],
    ['compute.*.end', 'whole last segment'],
    ['compute.inst*', 'whole last segment'],
    ['**', 'whole last segment'],
    ['*.end', 'whole last segment'],
  ])('refuses %j (%s)', (text, problem) => {
    const result = parseEventPattern(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(problem);
  });

  it('refuses a pattern that is not a string', () => {
    const result = parseEventPattern(42);
    expect(result).toEqual({ ok: false, problem: 'a pattern must be a string, got number' });
  });

  it('formats a pattern back the way it was written', () => {
    for (const text of ['image.upload', 'compute.instance.*', '*']) {
      expect(formatEventPattern(parsed(text))).toBe(text);
    }
  });
});

describe('matchesEventPattern', () => {
  it('matches an exact type only to itself', () => {
    const pattern = parsed('image.upload');
    expect(matchesEventPattern(pattern, 'image.upload')).toBe(true);
    expect(matchesEventPattern(pattern, 'image.upload.end')).toBe(false);
    expect(matchesEventPattern(pattern, 'image')).toBe(false);
    expect(matchesEventPattern(pattern, 'Image.Upload')).toBe(false);
  });

  it('lets the star stand for one or more trailing segments', () => {
    const pattern = parsed('compute.instance.*');
    expect(matchesEventPattern(pattern, 'compute.instance.delete')).toBe(true);
    expect(matchesEventPattern(pattern, 'compute.instance.create.end')).toBe(true);
    expect(matchesEventPattern(pattern, 'compute.instance.resize.confirm.end')).toBe(true);
  });

  it('never lets the star stand for nothing', () => {
    expect(matchesEventPattern(parsed('compute.instance.*'), 'compute.instance')).toBe(false);
  });

  it('compares whole segments, not string prefixes', () => {
    const pattern = parsed('compute.instance.*');
    expect(matchesEventPattern(pattern, 'compute.instances.create')).toBe(false);
    expect(matchesEventPattern(pattern, 'compute.instancex')).toBe(false);
    expect(matchesEventPattern(pattern, 'volume.instance.create')).toBe(false);
  });

  it('matches every event type with the lone star', () => {
    const pattern = parsed('*');
    for (const type of ['a', 'image.upload', 'compute.instance.create.end']) {
      expect(matchesEventPattern(pattern, type)).toBe(true);
    }
  });
});
