import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileUrlOf } from './file-url.ts';

/** Characters that make a path need Node's encoding or resolving, and some that do not. */
const PARTS = [
  'a',
  'Z',
  '0',
  '_',
  '-',
  '.',
  '..',
  '/',
  ' ',
  '%',
  '%2e',
  '#',
  '?',
  '\\',
  '~',
  '[',
  ']',
  '^',
  '|',
  '`',
  '{',
  '"',
  "'",
  ':',
  '@',
  '+',
  ',',
  ';',
  '=',
  '!',
  '$',
  '&',
  '(',
  '\n',
  '\t',
  '\u0000',
  '\u007f',
  'é',
  'ü',
  'ß',
  '日本',
  '😀',
  '\uD800',
];

describe('fileUrlOf', () => {
  it('writes the URL pathToFileURL writes, for paths with characters that need encoding', () => {
    const paths = [
      '/srv/app/node_modules/acme/plugin.js',
      '/srv/my app/node_modules/acme/plugin.js',
      '/srv/100%/plugin.js',
      '/srv/a#b/plugin.js',
      '/srv/a?b/plugin.js',
      '/srv/a\\b/plugin.js',
      '/srv/ünïcödé/plügin.js',
      '/srv/日本/plugin.js',
      '/srv/emoji-😀/plugin.js',
      '/srv/[brackets]/{braces}/plugin.js',
      '/srv/a~b/c^d/e|f/plugin.js',
      "/srv/it's/(1)/a+b=c;d,e@f$g&h!/plugin.js",
      '/srv/./plugin.js',
      '/srv/../plugin.js',
      '/srv//plugin.js',
      '/srv/app/',
      '/srv/.hidden/...dots/plugin.js',
      '/',
      'relative/plugin.js',
    ];
    for (const path of paths) expect(fileUrlOf(path), path).toBe(pathToFileURL(path).href);
  });

  it('agrees with pathToFileURL on any path made of awkward parts (property)', () => {
    const path = fc
      .array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 12 })
      .chain((parts) => fc.boolean().map((absolute) => `${absolute ? '/' : ''}${parts.join('')}`));
    fc.assert(
      fc.property(path, (p) => fileUrlOf(p) === pathToFileURL(p).href),
      { numRuns: 5000 },
    );
  });
});
