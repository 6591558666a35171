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
  const names = await Promise.all(entries.map((entry) => exportsOf(entry.in)));
  const body = entries.map((entry) => `export * from ${JSON.stringify(`./${entry.in}`)};`);
  const built = await build({
    ...common,
    stdin: { contents: body.join('\n'), resolveDir: packageDir, sourcefile: 'bundle.js' },
    outfile: 'dist/bundle.js',
    metafile: true,
  });
  const all = new Set(built.metafile.outputs['dist/bundle.js']?.exports);
  entries.forEach((entry, i) => {
    const own = names[i] ?? [];
    // `export *` drops a name two entries export for different things.
    const lost = own.filter((name) => !all.has(name));
    if (lost.length > 0)
      throw new Error(`${entry.in}: ${lost.join(', ')} collide with another entry`);
    const file = join(packageDir, 'dist', `${entry.out}.js`);
    const from = relative(dirname(file), join(packageDir, 'dist', 'bundle.js'));
    const specifier = from.startsWith('.') ? from : `./${from}`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `export { ${own.join(', ')} } from '${specifier}';\n`);
  });
}

async function exportsOf(entry: string): Promise<string[]> {
  const probe = await build({
    ...common,
    entryPoints: [entry],
    outfile: 'probe.js',
    write: false,
    metafile: true,
  });
  return Object.values(probe.metafile.outputs).flatMap((output) => output.exports);
}
