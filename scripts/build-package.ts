/**
 * The JavaScript build of a published package, run from the package's folder
 * by its `build` script (tsc then writes only the .d.ts files beside it):
 *
 *   node ../../scripts/build-package.ts [--one-chunk] [extra entries...]
 *
 * `src/` stays one concept per file, because it is read. What a host runs is
 * another matter: a process pays for every module it loads, before its first
 * line runs, so a package built file for file made a host that uses one driver
 * load some seventy modules. esbuild bundles each entry of the package's
 * `exports` (and the extra entries named on the command line: a `bin`, a file
 * a worker loads by path) into `dist/`, at the path `exports` names, with the
 * code that several entries share in chunks beside them. The chunks sit at the
 * top of `dist/`, at the depth of the top-level sources, so a path a source
 * builds from `import.meta.url` (`../package.json`, `../fixtures/`) still
 * points where it did. Every other package (the other @plugin-patterns
 * packages, dependencies, peers) stays an import: a host must share one copy
 * of each with its plugins.
 *
 * `--one-chunk` builds all of the code into one module, `dist/bundle.js`,
 * and makes each entry a line that re-exports its names from it: for a
 * package whose entries are views of one body of code (the loader: twelve
 * subpaths over the same stages). esbuild's splitting cuts a chunk per set of
 * entries that share code, which gave the loader seventeen, all loaded by a
 * host that uses five subpaths; and it orders a shared chunk by distance from
 * the entries, not by import order, so a side-effect import written first
 * (the loader's Node.js check) ran after 3,400 lines of other modules. One
 * bundle keeps the import order of the sources.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

interface ExportTarget {
  '@plugin-patterns/source'?: string;
  default?: string;
}

/** `{ in: 'src/discovery/index.ts', out: 'discovery/index' }` for each built export. */
function entriesOf(
  exports: Record<string, unknown>,
  extra: readonly string[] = [],
): { in: string; out: string }[] {
  const entries = new Map<string, string>();
  for (const target of Object.values(exports)) {
    if (typeof target !== 'object' || target === null) continue;
    const { '@plugin-patterns/source': source, default: built } = target as ExportTarget;
    if (source === undefined || built === undefined || !built.startsWith('./dist/')) continue;
    entries.set(source, built.slice('./dist/'.length).replace(/\.js$/, ''));
  }
  for (const source of extra) {
    entries.set(source, source.replace(/^(\.\/)?src\//, '').replace(/\.ts$/, ''));
  }
  return [...entries].map(([source, out]) => ({ in: source, out }));
}

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  exports?: Record<string, unknown>;
};
const args = process.argv.slice(2);
const oneChunk = args.includes('--one-chunk');
const entryPoints = entriesOf(
  manifest.exports ?? {},
  args.filter((arg) => !arg.startsWith('--')),
);
if (entryPoints.length === 0) throw new Error(`${packageDir}: no entry under dist/ in exports`);

// Files of an earlier build (one .js per source) must not linger beside the bundles.
rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
const common = {
  absWorkingDir: packageDir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  // The sources ship in the package (`files` has src/): the maps point at them.
  sourcesContent: false,
  logLevel: 'warning',
} satisfies BuildOptions;

/** What esbuild says of an import the linked module does not export (or exports twice), in checkReExports. */
const MISSING_NAME = /^(No matching export|Ambiguous import|Import ".*" will always be undefined)/;

if (oneChunk) {
  await buildOneModule(entryPoints);
} else {
  await build({
    ...common,
    entryPoints,
    outdir: 'dist',
    splitting: true,
    chunkNames: '[name]-[hash]',
  });
}

async function buildOneModule(entries: { in: string; out: string }[]): Promise<void> {
  const body = entries.map((entry) => `export * from ${JSON.stringify(`./${entry.in}`)};`);
  const [names] = await Promise.all([
    exportsOf(entries),
    build({
      ...common,
      stdin: { contents: body.join('\n'), resolveDir: packageDir, sourcefile: 'bundle.js' },
      outfile: 'dist/bundle.js',
    }),
  ]);
  entries.forEach((entry, i) => {
    const file = join(packageDir, 'dist', `${entry.out}.js`);
    const from = relative(dirname(file), join(packageDir, 'dist', 'bundle.js'));
    const specifier = from.startsWith('.') ? from : `./${from}`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `export { ${names[i]?.join(', ')} } from '${specifier}';\n`);
  });
  await checkReExports(entries);
}

/**
 * `export *` drops a name that two entries export for different things, and
 * esbuild's metafile still lists it among the bundle's exports, so the entry
 * that re-exports it would fail to load. Linking the written entries against
 * the bundle, in memory, finds such a name: esbuild reports it as an error
 * (no matching export, or an ambiguous one) or, when the bundle exports
 * nothing, a warning (the import will always be undefined). Any other message
 * of the linking is about the code, not the names: it is reported as esbuild
 * wrote it, a warning as a warning.
 */
async function checkReExports(entries: { in: string; out: string }[]): Promise<void> {
  type Message = { text: string; location: { file: string } | null };
  let errors: Message[] = [];
  let warnings: Message[];
  try {
    const linked = await build({
      ...common,
      sourcemap: false,
      entryPoints: entries.map((entry) => `dist/${entry.out}.js`),
      outdir: 'linked',
      splitting: true,
      write: false,
      logLevel: 'silent',
    });
    warnings = linked.warnings;
  } catch (error) {
    const failure = error as { errors?: Message[]; warnings?: Message[] };
    if (failure.errors === undefined) throw error;
    errors = failure.errors;
    warnings = failure.warnings ?? [];
  }
  const line = (message: Message) => `${message.location?.file}: ${message.text}`;
  const missing = [...errors, ...warnings].filter((message) => MISSING_NAME.test(message.text));
  if (missing.length > 0) {
    throw new Error(
      `dist/bundle.js lacks a name an entry re-exports (do two entries export different things under it?):\n${missing.map(line).join('\n')}`,
    );
  }
  if (errors.length > 0) {
    throw new Error(
      `linking the entries against dist/bundle.js failed:\n${errors.map(line).join('\n')}`,
    );
  }
  for (const warning of warnings) console.warn(`build-package: warning: ${line(warning)}`);
}

/**
 * The names each entry exports, in the order of `entries`: one build of all
 * of them at once, kept in memory, whose metafile lists each output's exports.
 * With splitting, the code the entries share is printed once, in a chunk, and
 * each entry's own output is little more than its export list.
 */
async function exportsOf(entries: { in: string; out: string }[]): Promise<string[][]> {
  const probe = await build({
    ...common,
    sourcemap: false,
    entryPoints: entries,
    outdir: 'dist',
    splitting: true,
    write: false,
    metafile: true,
  });
  return entries.map((entry) => {
    const output = probe.metafile.outputs[`dist/${entry.out}.js`];
    if (output === undefined) throw new Error(`${entry.in}: esbuild wrote no dist/${entry.out}.js`);
    return output.exports;
  });
}
