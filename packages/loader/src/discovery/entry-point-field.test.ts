import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reference as hostileReference } from '../../test/properties/manifest-arbitraries.ts';
import {
  isPlainReference,
  parseAnyPackageReference,
  parsePackageReference,
  splitAtExport,
} from '../shared/reference.ts';
import { MAX_NAME_LENGTH } from './declared-names.ts';
import {
  checkDeclaration,
  MAX_DECLARATIONS_PER_PACKAGE,
  readEntryPointField,
} from './entry-point-field.ts';

const where = { field: 'entryPoints', packageLabel: 'package acme@1.0.0' };

/** The field as `JSON.parse` produces it, which is how it reaches the reader. */
function read(json: string) {
  return readEntryPointField(JSON.parse(json), where);
}

describe('a well-formed field', () => {
  it('yields one declaration per plugin, with the parsed module and export', () => {
    const reading = read(
      '{"meter.storage":{"memory":"./storage/memory:MemoryStorage","plain":"."},"meter.pollster":{"cpu":"./cpu"}}',
    );
    expect(reading.issues).toEqual([]);
    expect(reading.declarations).toEqual([
      {
        namespace: 'meter.storage',
        name: 'memory',
        reference: './storage/memory:MemoryStorage',
        module: './storage/memory',
        exportName: 'MemoryStorage',
      },
      {
        namespace: 'meter.storage',
        name: 'plain',
        reference: '.',
        module: '.',
        exportName: 'default',
      },
      {
        namespace: 'meter.pollster',
        name: 'cpu',
        reference: './cpu',
        module: './cpu',
        exportName: 'default',
      },
    ]);
  });
});

describe('a field of the wrong shape', () => {
  it.each([
    ['an array', '[]'],
    ['a string', '"./plugin"'],
    ['null', 'null'],
  ])('refuses a field that is %s, naming the package and the field', (type, json) => {
    const reading = read(json);
    expect(reading.declarations).toEqual([]);
    expect(reading.issues).toHaveLength(1);
    expect(reading.issues[0]?.why).toContain('"entryPoints" of package acme@1.0.0');
    expect(reading.issues[0]?.why).toContain(type);
  });

  it('refuses a namespace that is not an object and still reads the others', () => {
    const reading = read('{"meter.storage":["./a"],"meter.pollster":{"cpu":"./cpu"}}');
    expect(reading.declarations.map((d) => d.name)).toEqual(['cpu']);
    expect(reading.issues).toEqual([
      {
        namespace: 'meter.storage',
        name: undefined,
        why: expect.stringContaining('["meter.storage"] of package acme@1.0.0 must be an object'),
      },
    ]);
  });

  it('refuses a reference that is not a string as a plain DiscoveryError issue', () => {
    const reading = read('{"meter.storage":{"memory":42,"ok":"./ok"}}');
    expect(reading.declarations.map((d) => d.name)).toEqual(['ok']);
    expect(reading.issues[0]).toMatchObject({
      namespace: 'meter.storage',
      name: 'memory',
      reference: 42,
    });
  });
});

describe('names', () => {
  it.each([
    ['an empty namespace', '{"":{"a":"./a"}}'],
    ['a namespace with a space', '{"meter storage":{"a":"./a"}}'],
    ['a namespace with a control character', '{"meter\\u001b[31m":{"a":"./a"}}'],
    ['a namespace too long', `{"${'n'.repeat(MAX_NAME_LENGTH + 1)}":{"a":"./a"}}`],
    ['an empty plugin name', '{"meter.storage":{"":"./a"}}'],
    ['a plugin name with a slash', '{"meter.storage":{"a/b":"./a"}}'],
    ['a plugin name too long', `{"meter.storage":{"${'p'.repeat(MAX_NAME_LENGTH + 1)}":"./a"}}`],
  ])('refuses %s', (_, json) => {
    const reading = read(json);
    expect(reading.declarations).toEqual([]);
    expect(reading.issues).toHaveLength(1);
    expect(reading.issues[0]?.name).toBeUndefined();
  });

  it('accepts a name of exactly the maximum length', () => {
    const name = 'p'.repeat(MAX_NAME_LENGTH);
    expect(read(`{"meter.storage":{"${name}":"./a"}}`).declarations[0]?.name).toBe(name);
  });

  it('never lets __proto__, constructor or prototype through, and pollutes nothing', () => {
    const reading = read(
      '{"__proto__":{"polluted":"./a"},"constructor":{"a":"./a"},"meter.storage":{"__proto__":"./a","prototype":"./b","constructor":"./c","fine":"./d"}}',
    );
    expect(reading.declarations.map((d) => d.name)).toEqual(['fine']);
    expect(reading.issues).toHaveLength(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('limits', () => {
  it(`stops reading after ${MAX_DECLARATIONS_PER_PACKAGE} declarations, with an issue`, () => {
    const plugins = Object.fromEntries(
      Array.from({ length: MAX_DECLARATIONS_PER_PACKAGE + 5 }, (_, i) => [`p${i}`, './a']),
    );
    const reading = readEntryPointField({ 'meter.storage': plugins }, where);
    expect(reading.declarations).toHaveLength(MAX_DECLARATIONS_PER_PACKAGE);
    expect(reading.issues).toHaveLength(1);
    expect(reading.issues[0]?.why).toMatch(/more than 1000 plugins/);
  });
});

describe('references are checked statically', () => {
  it.each([
    '../x:A',
    '/abs/path:A',
    'node:fs',
    'data:text/javascript,1',
    'other-package/x:A',
    './a/../../x:A',
    './node_modules/x:A',
    './x:1bad',
    './x:__proto__',
  ])('refuses %s as an issue carrying the reference', (reference) => {
    const reading = readEntryPointField({ 'meter.storage': { bad: reference } }, where);
    expect(reading.declarations).toEqual([]);
    expect(reading.issues[0]).toMatchObject({ namespace: 'meter.storage', name: 'bad', reference });
    expect(reading.issues[0]?.why).toContain('package acme@1.0.0');
  });
});

describe('the plain-reference shortcut agrees with parsePackageReference', () => {
  /** References built from parts near the edges of the plain form. */
  const nearPlain = fc
    .tuple(
      fc.constantFrom('.', './', '', '..', '/', '.\\'),
      fc.array(
        fc.constantFrom(
          'a',
          'plugin',
          'x.js',
          '_b',
          '-c',
          '.',
          '..',
          '',
          'node_modules',
          'node_modulesx',
          'a b',
          '%2e',
          'é',
          'a\u0000',
        ),
        { maxLength: 4 },
      ),
      fc.constantFrom(
        '',
        ':Plugin',
        ':default',
        ':$x',
        ':_',
        ':1x',
        ':',
        '::A',
        ':__proto__',
        ':constructor',
        ':prototype',
        ':__proto__x',
        ':a-b',
      ),
    )
    .map(([start, segments, exported]) => `${start}${segments.join('/')}${exported}`);

  it('accepts only what the full parse accepts, split the same way', () => {
    fc.assert(
      fc.property(fc.oneof(nearPlain, hostileReference, fc.string({ maxLength: 30 })), (text) => {
        if (!isPlainReference(text)) return;
        const parsed = parseAnyPackageReference(text);
        expect(parsePackageReference(text)).toEqual(parsed);
        expect(parsed.ok).toBe(true);
        const checked = checkDeclaration('lab.pollster', 'cpu', text, where);
        expect(checked).toEqual({
          namespace: 'lab.pollster',
          name: 'cpu',
          reference: text,
          ...(parsed.ok ? parsed.reference : {}),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('splits every accepted reference as a load splits it (splitAtExport)', () => {
    // A scanned entry point only splits its reference when it is loaded:
    // the split must give the parts the parse accepted.
    fc.assert(
      fc.property(fc.oneof(nearPlain, hostileReference, fc.string({ maxLength: 30 })), (text) => {
        const parsed = parsePackageReference(text);
        if (parsed.ok) expect(splitAtExport(text as string)).toEqual(parsed.reference);
      }),
      { numRuns: 2000 },
    );
  });

  it('decides every reference as parsePackageReference does', () => {
    fc.assert(
      fc.property(fc.oneof(nearPlain, hostileReference), (text) => {
        const parsed = parsePackageReference(text);
        const checked = checkDeclaration('lab.pollster', 'cpu', text, where);
        expect('why' in checked).toBe(!parsed.ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the common forms', () => {
    for (const text of [
      '.',
      '.:Plugin',
      './plugin',
      './storage/memory:MemoryStorage',
      './a.b/c-d:_x$',
    ]) {
      expect(isPlainReference(text)).toBe(true);
    }
  });
});
