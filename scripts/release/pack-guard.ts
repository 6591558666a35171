/**
 * The `prepack` script of every published package: stops an `npm pack` or
 * `npm publish` (both run `prepack`) that would ship a package nobody can
 * install or that ships the repository's own test helpers.
 *
 * In this repository a manifest holds two things meant for the workspace only:
 * `workspace:^` ranges between the packages, and the `@plugin-patterns/source`
 * export condition that points the tests at `src/`. pnpm rewrites both when it
 * packs (the ranges become versions, `publishConfig.exports` replaces
 * `exports`); npm copies the manifest as it is. So under npm, or any client
 * other than pnpm, a manifest that still holds either is refused, with the
 * command to use instead. Under every client, a package whose `files` would
 * take in a test helper (`src/**\/test-*.ts`) or a test is refused: test
 * helpers ship only when exported on purpose, under `src/testing/`.
 *
 * Run from the package's folder (npm and pnpm do): `node ../../scripts/release/pack-guard.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Manifest {
  name?: string;
  files?: string[];
  exports?: unknown;
  [field: string]: unknown;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];
const SOURCE_CONDITION = '@plugin-patterns/source';
/** The `files` entries that keep tests and unexported test helpers out of a package. */
export const TEST_EXCLUSIONS = ['!src/**/*.test.ts', '!src/**/test-*.ts'];

/**
 * What would be wrong with packing `manifest` (from `packageDir`) with the
 * client whose script is `packer` (npm_execpath: the client that runs the
 * script, which npm and pnpm both set; not the user agent, which pnpm passes
 * on to an npm it runs).
 */
export function packProblems(manifest: Manifest, packageDir: string, packer: string): string[] {
  const problems: string[] = [];
  if (!basename(packer).startsWith('pnpm')) {
    for (const field of DEPENDENCY_FIELDS) {
      const ranges = (manifest[field] ?? {}) as Record<string, string>;
      for (const [name, range] of Object.entries(ranges)) {
        if (typeof range === 'string' && range.startsWith('workspace:')) {
          problems.push(`${field}.${name} is "${range}", which only this workspace can resolve`);
        }
      }
    }
    if (JSON.stringify(manifest.exports ?? null).includes(`"${SOURCE_CONDITION}"`)) {
      problems.push(`exports has the "${SOURCE_CONDITION}" condition, which points at src/`);
    }
  }
  const files = manifest.files ?? [];
  const hasTests = listFiles(join(packageDir, 'src')).some((file) =>
    /(^|\/)test-|\.test\.ts$/.test(file),
  );
  for (const exclusion of TEST_EXCLUSIONS) {
    if (hasTests && !files.includes(exclusion)) {
      problems.push(`files lacks "${exclusion}", so tests or unexported test helpers would ship`);
    }
  }
  return problems;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: npm and pnpm set it for lifecycle scripts; no turbo task reads it
  const problems = packProblems(manifest, '.', process.env.npm_execpath ?? '');
  if (problems.length > 0) {
    const name = manifest.name ?? 'this package';
    console.error(
      `pack-guard: ${name} cannot be packed this way:\n` +
        problems.map((problem) => `  - ${problem}\n`).join('') +
        'Pack or publish with pnpm from the repository (pnpm pack, pnpm release): it replaces the\n' +
        'workspace ranges with versions and the exports with publishConfig.exports.',
    );
    process.exit(1);
  }
}
