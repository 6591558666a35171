/**
 * Generators of hostile package.json content, for the property-based tests
 * and the 10,000-case fuzz run (`scripts/fuzz-manifests.ts`).
 *
 * Every generator produces JSON *text*, which the loader parses itself, as it
 * parses a real manifest. That matters for `__proto__`: in a JavaScript
 * object literal or after `obj[key] = value` it would set a prototype, but
 * JSON.parse makes it an ordinary own key — exactly what an attacker's
 * manifest holds. Keys are therefore rendered by hand, never assigned.
 *
 * The values lean towards what breaks loaders: keys that mean something to
 * JavaScript objects, empty, blank, very long, unicode and control-character
 * names, wrong types and huge values, and references that try to leave their
 * package (`../`, absolute paths, `data:`/`http:`/`file:` URLs, `node:`
 * built-ins, another package's files, a symlink that points out).
 */
import fc from 'fast-check';

/** Keys with a meaning to JavaScript objects, or to a careless loader. */
const RESERVED_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
];

/** Names that are odd rather than hostile: the edges of what a name may be. */
const ODD_NAMES = [
  '',
  ' ',
  '\t',
  'a b',
  ' lead',
  'trail ',
  'é',
  '名前',
  'emoji-🔌',
  'rtl-\u202emoc.exe',
  'zero\u200bwidth',
  'ansi-\u001b[2J',
  'csi-\u009b2J',
  'new\nline',
  'line\u2028separator',
  'nul\u0000byte',
  '.',
  '..',
  '-dash',
  'a'.repeat(201),
  'b'.repeat(5000),
];

/** Names a manifest may legitimately use (so some declarations are accepted). */
export const GOOD_NAMESPACES: readonly string[] = ['lab.pollster', 'lab.storage'];
const GOOD_NAMES = ['cpu', 'memory', 'postgresql+pool', 'v2.disk', 'shared'];

/**
 * References: some good, most trying to escape. The lab package exports
 * `./plugin`, `./inner/deep`, `./link-out` (a symlink to a canary outside the
 * package) and, in some manifests, exports whose targets point out.
 */
const REFERENCES = [
  './plugin:Plugin',
  './plugin',
  '.:Plugin',
  '.',
  './inner/deep:Plugin',
  './link-out:Plugin',
  './linked-dir/index:Plugin',
  './escape:Plugin',
  './plugin:__proto__',
  './plugin:constructor',
  './plugin:prototype',
  './plugin:1nvalid',
  './plugin:\u009b2J',
  './plugin:\u202eXtP',
  './plugin\u009b2J:Plugin',
  './inner\u202e/deep:Plugin',
  './plugin\u007f:Plugin',
  './inner/deep\u2028',
  './\u2066plugin:Plugin',
  './plugin\u200f',
  './inner\u061c/deep:Plugin',
  './plugin::Plugin',
  './plugin:',
  ':Plugin',
  '../canary:Plugin',
  '../../canary.js',
  './inner/../../canary:Plugin',
  './a/./b:Plugin',
  './/plugin:Plugin',
  './node_modules/other-pkg:Plugin',
  './%2e%2e/canary:Plugin',
  '.\\..\\canary:Plugin',
  '/etc/passwd',
  '/tmp/canary.js:Plugin',
  'C:\\Windows\\canary.js',
  'c:canary',
  'data:text/javascript,globalThis.pwned=1',
  'data:text/javascript;base64,Z2xvYmFsVGhpcy5wd25lZD0x:default',
  'http://attacker.example/plugin.js',
  'https://attacker.example/plugin.js:Plugin',
  'file:///etc/passwd',
  'blob:nodedata:1234',
  'javascript:alert(1)',
  'node:child_process:exec',
  'node:fs',
  'fs:readFileSync',
  'child_process:exec',
  'other-pkg:Plugin',
  'other-pkg/index:Plugin',
  '@scope/other:Plugin',
  'rival-plugins/plugin:Plugin',
  `./${'x/'.repeat(600)}plugin:Plugin`,
];

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...RESERVED_KEYS, ...ODD_NAMES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

export const namespaceKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...GOOD_NAMESPACES) },
  { weight: 2, arbitrary: hostileKey },
);

export const pluginKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...GOOD_NAMES) },
  { weight: 2, arbitrary: hostileKey },
);

export const reference: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('./plugin:Plugin', '.:Plugin', './inner/deep:Plugin') },
  { weight: 4, arbitrary: fc.constantFrom(...REFERENCES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('./', '../', '/', '', 'node:', 'data:', 'file://', 'http://x/', './a/../'),
        fc.constantFrom('plugin', 'canary', 'inner/deep', 'link-out', '..', 'other-pkg/index'),
        fc.constantFrom('', ':Plugin', ':default', ':__proto__', ':constructor', ':', '::x'),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const leaf: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1e308', '-1e308', '5e-324'),
  fc.constantFrom('123456789012345678901234567890', '[]', '{}', '""'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom(...ODD_NAMES, ...REFERENCES).map((s) => JSON.stringify(s)),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => JSON.stringify(s)),
);

/** Renders entries as a JSON object's text, keys exactly as given (duplicates too). */
export function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** Any JSON value, as text, with hostile keys in its objects. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{
  value: string;
  array: string;
  object: string;
}>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectText),
})).value;

/** NAME -> reference, mostly; sometimes a wrong type. */
const pluginsText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      pluginKey,
      fc.oneof(
        { weight: 4, arbitrary: reference.map((r) => JSON.stringify(r)) },
        { weight: 1, arbitrary: jsonText },
      ),
    ),
    { maxLength: 6 },
  )
  .map(objectText);

/** The `entryPoints` field: NAMESPACE -> NAME -> reference, or anything else at all. */
export const entryPointsText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          namespaceKey,
          fc.oneof({ weight: 4, arbitrary: pluginsText }, { weight: 1, arbitrary: jsonText }),
        ),
        { maxLength: 4 },
      )
      .map(objectText),
  },
  { weight: 1, arbitrary: jsonText },
);

/** A whole manifest for a plugin package: the usual fields, each sometimes hostile. */
export interface ManifestCase {
  /** The JSON text written as package.json (or garbage, sometimes). */
  readonly text: string;
}

const EXPORTS_VARIANTS = [
  // The honest map.
  objectText([
    ['.', '"./index.js"'],
    ['./plugin', '"./plugin.js"'],
    ['./inner/deep', '"./inner/deep.js"'],
    ['./link-out', '"./link-out.js"'],
    ['./linked-dir/*', '"./linked-dir/*.js"'],
  ]),
  // Targets that try to point out of the package: Node refuses some, the loader the rest.
  objectText([
    ['./plugin', '"./plugin.js"'],
    ['./escape', '"../../canary.js"'],
    ['./link-out', '"./link-out.js"'],
  ]),
  objectText([['./escape', '"/tmp/canary.js"']]),
  objectText([['./escape', '"./node_modules/other-pkg/index.js"']]),
  objectText([['./escape', '"other-pkg"']]),
  objectText([['__proto__', '{"polluted":"./plugin.js"}']]),
  '"./plugin.js"',
  'null',
  '[]',
];

export const exportsText: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(...EXPORTS_VARIANTS),
  fc.constant(undefined),
  jsonText,
);

export const nameText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('"lab-plugins"') },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'rival-plugins',
        'other-pkg',
        '../canary',
        '../..',
        '/tmp',
        '@x/y',
        '',
        'ansi-\u001b[2J',
        'new\nline',
        'n'.repeat(5000),
      )
      .map((s) => JSON.stringify(s)),
  },
  { weight: 1, arbitrary: jsonText },
);

export const manifestCase: fc.Arbitrary<ManifestCase> = fc
  .record({
    name: nameText,
    version: fc.oneof(
      { weight: 4, arbitrary: fc.constant('"1.0.0"') },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('', '\u001b[31m1.0.0', '1.0.0\nforged line', 'v'.repeat(5000))
          .map((s) => JSON.stringify(s)),
      },
      { weight: 1, arbitrary: jsonText },
    ),
    exports: exportsText,
    entryPoints: entryPointsText,
    extra: fc.array(fc.tuple(hostileKey, jsonText), { maxLength: 3 }),
    garbage: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          '{',
          'null',
          '[]',
          '"x"',
          '{"a":1}}',
          '\uFEFF{}',
          // V8's JSON.parse message quotes the text around the error.
          '{"name": \u009b2J\u202e}',
        ),
      },
    ),
  })
  .map(({ name, version, exports, entryPoints, extra, garbage }) => {
    if (garbage !== undefined) return { text: garbage };
    const entries: [string, string][] = [
      ['name', name],
      ['version', version],
      ['type', '"module"'],
      ...extra,
      ['entryPoints', entryPoints],
    ];
    if (exports !== undefined) entries.push(['exports', exports]);
    return { text: objectText(entries) };
  });
