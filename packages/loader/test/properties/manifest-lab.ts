/**
 * The project the manifest properties run in: built once, then each case
 * rewrites two package.json files and scans again. Building a folder per case
 * would make 10,000 cases a matter of minutes of disk work; rewriting two
 * files keeps the run about the loader.
 *
 *   <root>/canary.js                     outside everything
 *   <root>/host/package.json             depends on lab-plugins and rival-plugins
 *   <root>/host/canary.js                the host's own folder
 *   <root>/host/node_modules/canary.js   loose in node_modules
 *   node_modules/lab-plugins/            the package under test (manifest generated)
 *     plugin.js, index.js, inner/deep.js honest plugin modules
 *     link-out.js -> <root>/canary.js    a symlink that escapes
 *     linked-dir  -> ../other-pkg        a folder symlink into another package
 *   node_modules/rival-plugins/          a second generated package (same files)
 *   node_modules/other-pkg/              another package, which no manifest may reach
 *
 * A canary counts its evaluations on `globalThis`; no manifest may ever make
 * the loader evaluate one, nor other-pkg's module.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject } from '../../test-fixtures/make-project.ts';

export const LAB = 'lab-plugins';
export const RIVAL = 'rival-plugins';
export const OTHER = 'other-pkg';

const CANARY_KEY = '__pluginPatternsCanary';
const OTHER_KEY = '__pluginPatternsOtherPackage';

const PLUGIN_MODULE = `export class Plugin {
  poll() {
    return [];
  }
}
export default Plugin;
`;

const canaryModule = (key: string): string =>
  `globalThis.${key} = (globalThis.${key} ?? 0) + 1;\n${PLUGIN_MODULE}`;

const PACKAGE_FILES = {
  'plugin.js': PLUGIN_MODULE,
  'index.js': PLUGIN_MODULE,
  'inner/deep.js': PLUGIN_MODULE,
};

export interface ManifestLab {
  /** The host's folder: scan from here. */
  readonly cwd: string;
  /** Real folders of the two generated packages. */
  readonly roots: { readonly lab: string; readonly rival: string; readonly other: string };
  /** Writes the two generated manifests (raw text: it may not even be JSON). */
  write(lab: string, rival: string): void;
  /** How many times canaries (outside every package) and other-pkg were evaluated. */
  evaluations(): { readonly canary: number; readonly other: number };
  remove(): void;
}

export function makeManifestLab(): ManifestLab {
  const project = makeProject({
    host: { dependencies: { [LAB]: '1.0.0', [RIVAL]: '1.0.0' } },
    packages: [
      { name: OTHER, manifest: { type: 'module', exports: { '.': './index.js' } }, files: {} },
      { name: LAB, manifest: { type: 'module' }, files: PACKAGE_FILES },
      { name: RIVAL, manifest: { type: 'module' }, files: PACKAGE_FILES },
    ],
  });
  const modules = join(project.dir, 'node_modules');
  for (const place of [project.root, project.dir, modules]) {
    writeFileSync(join(place, 'canary.js'), canaryModule(CANARY_KEY));
  }
  writeFileSync(join(modules, OTHER, 'index.js'), canaryModule(OTHER_KEY));
  for (const name of [LAB, RIVAL]) {
    symlinkSync(join(project.root, 'canary.js'), join(modules, name, 'link-out.js'));
    symlinkSync(join('..', OTHER), join(modules, name, 'linked-dir'), 'dir');
    mkdirSync(join(modules, name, 'node_modules', OTHER), { recursive: true });
    writeFileSync(join(modules, name, 'node_modules', OTHER, 'index.js'), canaryModule(OTHER_KEY));
  }
  const counter = globalThis as unknown as Record<string, number | undefined>;
  return {
    cwd: project.dir,
    roots: {
      lab: realpathSync(join(modules, LAB)),
      rival: realpathSync(join(modules, RIVAL)),
      other: realpathSync(join(modules, OTHER)),
    },
    write(lab, rival) {
      writeFileSync(join(modules, LAB, 'package.json'), lab);
      writeFileSync(join(modules, RIVAL, 'package.json'), rival);
    },
    evaluations() {
      return { canary: counter[CANARY_KEY] ?? 0, other: counter[OTHER_KEY] ?? 0 };
    },
    remove() {
      project.remove();
    },
  };
}
