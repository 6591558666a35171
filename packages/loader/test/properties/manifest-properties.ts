/**
 * The properties every hostile manifest and host configuration must keep,
 * shared by the test suite (a few hundred cases per property) and the fuzz
 * script (10,000 each). They use plain assertions, not a test framework, so
 * that a script can run them.
 *
 * For every generated case:
 * - nothing throws out of discovery: the scan goes on and reports;
 * - whatever is refused comes back as a DiscoveryError (ReferenceEscapeError
 *   for an escape) whose message names the package and the field, and holds
 *   no control characters (a message ends up in a terminal);
 * - no built-in prototype is changed;
 * - nothing outside the declaring package is imported: every file the
 *   importer is handed is inside that package's real folder, and no canary
 *   module outside it is ever evaluated;
 * - the discovery cache gives back exactly what the scan found: the same
 *   entry points resolving to the same targets, the same problems.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  type DiscoveryReport,
  namespaceProblem,
  pluginNameProblem,
  readEntryPointField,
} from '../../src/discovery/index.ts';
import {
  type Importer,
  importExport,
  isInside,
  parsePackageReference,
} from '../../src/importing/index.ts';
import {
  DiscoveryError,
  type DiscoverySource,
  ExtensionSet,
  PluginError,
  packageScan,
  referenceList,
} from '../../src/index.ts';
import {
  entryPointsText,
  hostileKey,
  jsonText,
  manifestCase,
  objectText,
  reference,
} from './manifest-arbitraries.ts';
import { LAB, type ManifestLab, OTHER, RIVAL } from './manifest-lab.ts';
import { pollutionSince, snapshotPrototypes } from './prototype-snapshot.ts';

/** How many cases, and (to replay a failure) which seed. */
export interface RunOptions {
  readonly numRuns: number;
  readonly seed?: number;
}

export interface ManifestProperty {
  readonly name: string;
  /** Checks the property over a lab made once for the whole run; rejects with the counterexample. */
  readonly run: (lab: ManifestLab, options: RunOptions) => Promise<void>;
}

/**
 * True when `text` holds none of what a terminal or a text view acts on: a
 * C0 or C1 control, DEL, a bidi mark, override or isolate, the Arabic letter
 * mark, a line or paragraph separator (every character the loader's `shorten`
 * escapes, written out here on its own, as the specification): a message ends
 * up in a terminal.
 */
export function isPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
    if (code === 0x061c || code === 0x200e || code === 0x200f) return false;
    if (code === 0x2028 || code === 0x2029) return false;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return false;
  }
  return true;
}

function assertPrintable(message: string): void {
  assert.ok(isPrintable(message), `message holds a control character: ${JSON.stringify(message)}`);
}

function assertNoPollution(before: ReturnType<typeof snapshotPrototypes>): void {
  assert.deepEqual(pollutionSince(before), []);
}

/** An importer that records every file it is handed, then imports it the usual way. */
function recordingImporter(): { importer: Importer; files: string[] } {
  const files: string[] = [];
  const importer: Importer = (target, who) => {
    files.push(fileURLToPath(target.url));
    return importExport(target, who);
  };
  return { importer, files };
}

/** Loads everything every source declares, in every namespace it mentions. */
async function loadEverything(
  source: DiscoverySource,
  importer: Importer,
): Promise<ExtensionSet[]> {
  const report = source.discover();
  const namespaces = new Set<string>();
  for (const entry of report.entryPoints) namespaces.add(entry.namespace);
  for (const problem of report.problems) {
    if (problem.namespace !== undefined) namespaces.add(problem.namespace);
  }
  const sets: ExtensionSet[] = [];
  for (const namespace of namespaces) {
    const set = ExtensionSet.discover({ namespace, sources: [source], importer });
    await set.loadAll();
    for (const name of set.names()) {
      // One name, several packages: an AmbiguousPluginError, never a silent pick.
      await set.load(name).then(
        () => undefined,
        (error: unknown) => assert.ok(error instanceof PluginError, `load(${name}) threw ${error}`),
      );
    }
    sets.push(set);
  }
  return sets;
}

function assertRecordsSane(sets: readonly ExtensionSet[]): void {
  for (const set of sets) {
    for (const extension of set.extensions) {
      const state = extension.state;
      if (state.status === 'failed') {
        assert.ok(state.error instanceof PluginError);
        assert.equal(state.error.namespace, set.namespace);
        assertPrintable(state.error.message);
      }
      if (extension.isReady && extension.source.kind === 'package') {
        const file = fileURLToPath(extension.target.url);
        assert.ok(
          isInside(file, extension.source.root),
          `${file} is outside ${extension.source.root}`,
        );
      }
      const report = extension.toJSON();
      assertPrintable(report.source);
      assert.ok(report.source.length <= 1000, `an unbounded source label: ${report.source.length}`);
    }
  }
}

const fieldProperty: ManifestProperty = {
  name: 'the entryPoints field: read without throwing; only valid declarations accepted; no pollution',
  run: async (_lab, options) =>
    fc.assert(
      fc.property(entryPointsText, (text) => {
        const before = snapshotPrototypes();
        const where = { field: 'entryPoints', packageLabel: 'package lab-plugins@1.0.0' };
        const reading = readEntryPointField(JSON.parse(text), where);
        for (const d of reading.declarations) {
          assert.equal(namespaceProblem(d.namespace), undefined);
          assert.equal(pluginNameProblem(d.name), undefined);
          const parsed = parsePackageReference(d.reference);
          assert.ok(parsed.ok, `accepted a reference the parser refuses: ${d.reference}`);
          assertPrintable(d.reference);
          assert.ok(d.module === '.' || d.module.startsWith('./'));
          assert.ok(!d.module.split('/').includes('..'));
        }
        for (const issue of reading.issues) {
          assert.ok(issue.why.includes('"entryPoints"'), `does not name the field: ${issue.why}`);
          assert.ok(
            issue.why.includes('package lab-plugins@1.0.0'),
            `does not name the package: ${issue.why}`,
          );
          assertPrintable(issue.why);
        }
        assertNoPollution(before);
      }),
      options,
    ),
};

const scanProperty: ManifestProperty = {
  name: 'a package scan over hostile manifests: refused clearly or loaded from inside the package',
  run: async (lab, options) =>
    fc.assert(
      fc.asyncProperty(manifestCase, manifestCase, async (labManifest, rivalManifest) => {
        lab.write(labManifest.text, rivalManifest.text);
        const before = snapshotPrototypes();
        const evaluated = lab.evaluations();
        const source = packageScan({ cwd: lab.cwd, cache: false });
        const report = source.discover();
        // An accepted reference is kept raw in records: the parser refuses one holding such a character.
        for (const entry of report.entryPoints) assertPrintable(entry.reference);
        for (const problem of report.problems) {
          assert.ok(problem.error instanceof DiscoveryError, `untyped problem: ${problem.error}`);
          assertPrintable(problem.error.message);
          assertPrintable(problem.origin);
          if (problem.source?.kind === 'package') {
            const { message } = problem.error;
            assert.ok(message.includes('"entryPoints"'), `does not name the field: ${message}`);
            assert.ok(message.includes(join(problem.source.root, 'package.json')), message);
          } else {
            // A manifest that cannot be read at all: the issue names its file.
            assert.ok(/package\.json/.test(problem.origin), problem.origin);
          }
        }
        const { importer, files } = recordingImporter();
        const sets = await loadEverything(source, importer);
        for (const file of files) {
          const inside = isInside(file, lab.roots.lab) || isInside(file, lab.roots.rival);
          assert.ok(inside, `the importer was handed ${file}, outside both packages`);
        }
        assertRecordsSane(sets);
        assert.deepEqual(
          lab.evaluations(),
          evaluated,
          'a module outside the package was evaluated',
        );
        assertNoPollution(before);
      }),
      options,
    ),
};

const cacheProperty: ManifestProperty = {
  name: 'a cache round trip of hostile manifests: the same report as the scan',
  run: async (lab, options) =>
    fc.assert(
      fc.asyncProperty(manifestCase, manifestCase, async (labManifest, rivalManifest) => {
        lab.write(labManifest.text, rivalManifest.text);
        // A fresh cache folder per case: the manifests are rewritten in place, which no
        // install does, so the fingerprint is not meant to notice it.
        const dir = mkdtempSync(join(tmpdir(), 'plugin-patterns-cache-property-'));
        try {
          const scanned = packageScan({ cwd: lab.cwd, cache: { dir } });
          const written = describeReport(scanned.discover());
          const cached = packageScan({ cwd: lab.cwd, cache: { dir } });
          const read = describeReport(cached.discover());
          assert.equal(cached.lastScan?.cache, 'hit', cached.lastScan?.cacheNote);
          assert.deepEqual(read, written);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      options,
    ),
};

/** A report as plain data: entry points with their resolved targets (or why not), problems. */
function describeReport(report: DiscoveryReport) {
  const entryPoints = report.entryPoints.map((entry) => {
    let target: unknown;
    try {
      target = typeof entry.target === 'function' ? entry.target() : entry.target;
    } catch (error) {
      target = error instanceof Error ? `${error.constructor.name}: ${error.message}` : error;
    }
    const { namespace, name, reference, source } = entry;
    return { namespace, name, reference, source, target };
  });
  const problems = report.problems.map((p) => ({
    namespace: p.namespace,
    name: p.name,
    origin: p.origin,
    reference: p.reference,
    source: p.source,
    error: `${p.error.constructor.name}: ${p.error.message}`,
  }));
  return { entryPoints, problems };
}

/** A host's explicit list: plugin names and references as a configuration file would hold them. */
const hostListText = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('cpu', 'memory'), hostileKey),
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(
              `${LAB}/plugin:Plugin`,
              `${LAB}:Plugin`,
              `${LAB}/linked-dir/index:Plugin`,
              `${LAB}/link-out:Plugin`,
              `${LAB}/../${OTHER}:Plugin`,
              `${LAB}/../../canary:Plugin`,
              `${RIVAL}/inner/deep:Plugin`,
              `${OTHER}:Plugin`,
              `${LAB}/plugin\u009b2J:Plugin`,
              `${LAB}/plugin\u202e:Plugin`,
              'node:fs:readFileSync',
              './canary.js:Plugin',
              '../canary.js',
            )
            .map((r) => JSON.stringify(r)),
        },
        { weight: 2, arbitrary: reference.map((r) => JSON.stringify(r)) },
        { weight: 1, arbitrary: jsonText },
      ),
    ),
    { maxLength: 6 },
  )
  .map(objectText);

const hostListProperty: ManifestProperty = {
  name: "a host's reference list with hostile names and references: refused clearly or loaded from a package",
  run: async (lab, options) =>
    fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('lab.pollster'), hostileKey),
        hostListText,
        async (namespace, text) => {
          lab.write(
            JSON.stringify({
              name: LAB,
              version: '1.0.0',
              type: 'module',
              exports: {
                './plugin': './plugin.js',
                './link-out': './link-out.js',
                './linked-dir/*': './linked-dir/*.js',
                '.': './index.js',
              },
            }),
            JSON.stringify({ name: RIVAL, version: '1.0.0', type: 'module' }),
          );
          const before = snapshotPrototypes();
          const evaluated = lab.evaluations().canary;
          const plugins = JSON.parse(text) as Record<string, string>;
          let source: DiscoverySource;
          try {
            source = referenceList({ namespace, plugins, cwd: lab.cwd });
          } catch (error) {
            // A bad namespace is the host's own programming mistake: refused at once, by name.
            assert.ok(error instanceof TypeError && error.message.startsWith('referenceList: '));
            assert.ok(namespaceProblem(namespace) !== undefined);
            return;
          }
          const report = source.discover();
          for (const entry of report.entryPoints) assertPrintable(entry.reference);
          for (const problem of report.problems) {
            assert.ok(problem.error instanceof DiscoveryError);
            assertPrintable(problem.error.message);
          }
          const { importer, files } = recordingImporter();
          const sets = await loadEverything(source, importer);
          const packages = Object.values(lab.roots);
          for (const file of files) {
            assert.ok(
              packages.some((root) => isInside(file, root)),
              `imported ${file}, in no package`,
            );
          }
          assertRecordsSane(sets);
          assert.equal(lab.evaluations().canary, evaluated, 'a canary outside every package ran');
          assertNoPollution(before);
        },
      ),
      options,
    ),
};

export const MANIFEST_PROPERTIES: readonly ManifestProperty[] = [
  fieldProperty,
  scanProperty,
  cacheProperty,
  hostListProperty,
];
