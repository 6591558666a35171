/**
 * Discovery, side by side: each of the essay's ways of finding plugins, run
 * for the pollster namespace from the tour's folder. What each one found, what
 * it refused, how long it took.
 *
 * - reference list: the host names each plugin as `package/subpath:Export`;
 * - file list: the host names each plugin's file;
 * - package scan, cold then warm: the installed dependencies' `entryPoints`,
 *   first read from every package.json, then from the scan's cache;
 * - directory scan: every module in a folder is a plugin (the collectors
 *   folder, which holds different plugins: folders are how users drop in
 *   their own).
 *
 * Only declarations are read: nothing here imports a plugin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Palette, renderTable } from '@plugin-patterns/cli';
import {
  type DiscoverySource,
  directoryScan,
  fileList,
  packageScan,
  referenceList,
} from '@plugin-patterns/loader';
import type { PackageScanSource } from '@plugin-patterns/loader/discovery';
import { parseSpecifierReference } from '@plugin-patterns/loader/importing';
import { collectorsDirectory } from '@plugin-patterns/sample-plugins';
import { POLLSTER } from './plugin-host.ts';
import { formatMs, names } from './render-format.ts';
import type { DiscoveryRow } from './tour-result.ts';

/** The plugins the host's own lists name: three of the installed ones. */
const LISTED = {
  cpu: '@plugin-patterns/sample-plugins/pollster/cpu:CpuPollster',
  memory: '@plugin-patterns/sample-plugins/pollster/memory:MemoryPollster',
  uptime: '@acme/meter-uptime:UptimePollster',
};

export function compareDiscovery(root: string): DiscoveryRow[] {
  const cacheDir = mkdtempSync(join(tmpdir(), 'plugin-patterns-tour-cache-'));
  try {
    const cold = packageScan({ cwd: root, cache: { dir: cacheDir } });
    const coldRow = run('package scan (cold)', cold, (s) => scanNote(s));
    const warm = packageScan({ cwd: root, cache: { dir: cacheDir } });
    const warmRow = run('package scan (warm)', warm, (s) => scanNote(s));
    return [
      run(
        'reference list',
        referenceList({ namespace: POLLSTER, plugins: LISTED, cwd: root }),
        () => 'the host names package/subpath:Export for each plugin',
      ),
      run(
        'file list',
        fileList({ namespace: POLLSTER, files: filesOf(LISTED), cwd: root }),
        () => 'the host names the file of each plugin',
      ),
      coldRow,
      warmRow,
      run(
        'directory scan',
        directoryScan({ namespace: POLLSTER, directory: collectorsDirectory }),
        () => 'every module in sample-plugins/collectors/ is a plugin',
      ),
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function run<S extends DiscoverySource>(
  approach: string,
  source: S,
  note: (source: S) => string,
): DiscoveryRow {
  const started = performance.now();
  const report = source.discover(POLLSTER);
  const ms = performance.now() - started;
  return {
    approach,
    found: report.entryPoints.map((e) => e.name),
    problems: report.problems.map((p) => `${p.name ?? p.origin}: ${p.error.message}`),
    ms,
    note: note(source),
  };
}

function scanNote(source: PackageScanSource): string {
  const stats = source.lastScan;
  if (stats === undefined) return '';
  return stats.fromCache
    ? 'answered from the cache: no package.json read'
    : `read ${stats.packagesRead} package.json files, wrote the cache`;
}

/** The module file of each listed reference, found the way an import would find it. */
function filesOf(listed: Record<string, string>): Record<string, { path: string; export: string }> {
  const files: Record<string, { path: string; export: string }> = {};
  for (const [name, reference] of Object.entries(listed)) {
    const parsed = parseSpecifierReference(reference);
    if (!parsed.ok) throw new Error(`the tour's reference ${reference} is unusable: ${parsed.why}`);
    const { module, exportName } = parsed.reference;
    files[name] = { path: fileURLToPath(import.meta.resolve(module)), export: exportName };
  }
  return files;
}

export function renderDiscoveryTable(
  rows: readonly DiscoveryRow[],
  options: { palette: Palette; maxWidth?: number | undefined },
): string {
  const table = renderTable(
    [{ header: 'APPROACH' }, { header: 'TIME', align: 'right' }, { header: 'FOUND' }],
    rows.map((r) => [
      r.approach,
      formatMs(r.ms),
      names(r.found) + (r.problems.length > 0 ? ` (+${r.problems.length} refused)` : ''),
    ]),
    { title: `Discovery: finding the ${POLLSTER} plugins`, ...options },
  );
  // How each approach found them: a sentence, so a line of its own rather than a column.
  const how = rows.map((r) => `  ${options.palette.bold(r.approach)}: ${r.note}`);
  return `${table}${how.join('\n')}\n`;
}
