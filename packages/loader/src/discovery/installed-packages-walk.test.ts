import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { walkInstalledPackages } from './installed-packages.ts';
import type { DependencyField } from './package-walk.ts';

// Which packages a walk reads, and in what order it hands them back: each
// case is a tree where a wrong rule would find a package it must not, or miss
// one it must find.

function project(spec: ProjectSpec) {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

interface Walk {
  readonly levels?: number;
  readonly include?: readonly DependencyField[];
  readonly hoisted?: boolean;
}

function walk(cwd: string, { levels = 0, include = ['dependencies'], hoisted }: Walk = {}) {
  const options = { cwd, field: 'entryPoints', include, levels };
  return walkInstalledPackages(hoisted === undefined ? options : { ...options, hoisted });
}

const declaring = { entryPoints: { ns: { p: './p' } } };

/** A package folder written by hand: `<folder>/package.json`. */
function writePackage(folder: string, manifest: Record<string, unknown>): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ version: '1.0.0', ...manifest }));
}

describe('how far a walk follows', () => {
  it("never follows a dependency's devDependencies, even when the host's are included", () => {
    const p = project({
      host: { devDependencies: { tools: '1' } },
      packages: [
        { name: 'tools', manifest: { ...declaring, devDependencies: { 'tools-dev': '1' } } },
        { name: 'tools-dev', manifest: declaring },
      ],
    });
    const result = walk(p.dir, { levels: 1, include: ['devDependencies'] });
    expect(result.packages.map((x) => x.name)).toEqual(['tools']);
    expect(result.issues).toEqual([]);
  });

  it('walks on through a package that declares nothing, without reporting it', () => {
    const p = project({
      host: { dependencies: { middle: '1' } },
      packages: [
        { name: 'middle', manifest: { dependencies: { leaf: '1' } } },
        { name: 'leaf', manifest: declaring },
      ],
    });
    const result = walk(p.dir, { levels: 1 });
    expect(result.packages.map((x) => x.name)).toEqual(['leaf']);
    expect(result.packagesRead).toBe(2);
  });

  it('names the dependency that declared a missing package by its name and version', () => {
    const p = project({
      host: { dependencies: { middle: '1' } },
      packages: [{ name: 'middle', version: '2.3.4', manifest: { dependencies: { gone: '1' } } }],
    });
    const [issue] = walk(p.dir, { levels: 1 }).issues;
    expect(issue?.why).toContain(
      `"gone" is declared in "dependencies" of middle@2.3.4 (${join(p.dir, 'node_modules', 'middle', 'package.json')})`,
    );
  });

  it('says parent folders were not searched, except when they were (hoisted)', () => {
    const p = project({ host: { dependencies: { gone: '1' } } });
    expect(walk(p.dir).issues[0]?.why).toContain(
      '(not installed, or a broken link; parent folders are searched only with hoisted: true)',
    );
    expect(walk(p.dir, { hoisted: true }).issues[0]?.why).toMatch(
      /but Node cannot find it \(not installed, or a broken link\)$/,
    );
  });
});

describe('what a walk hands back', () => {
  it('sorted by name, whatever order the host declared them in', () => {
    const names = ['zeta', 'alpha', 'mu', 'beta'];
    const p = project({
      host: { dependencies: Object.fromEntries(names.map((n) => [n, '1'])) },
      packages: names.map((name) => ({ name, manifest: declaring })),
    });
    expect(walk(p.dir).packages.map((x) => x.name)).toEqual(['alpha', 'beta', 'mu', 'zeta']);
  });

  it('one name found in two folders: sorted by folder', () => {
    const p = project({ host: { dependencies: { second: '1', first: '1' } } });
    const modules = join(p.dir, 'node_modules');
    // Each holds its own copy of `shared` (two versions), met second one first.
    writePackage(join(modules, 'second'), { name: 'second', dependencies: { shared: '2' } });
    writePackage(join(modules, 'second/node_modules/shared'), {
      name: 'shared',
      version: '2.0.0',
      ...declaring,
    });
    writePackage(join(modules, 'first'), { name: 'first', dependencies: { shared: '1' } });
    writePackage(join(modules, 'first/node_modules/shared'), { name: 'shared', ...declaring });
    const result = walk(p.dir, { levels: 1 });
    expect(result.packages.map((x) => `${x.name}@${x.version}`)).toEqual([
      'shared@1.0.0',
      'shared@2.0.0',
    ]);
  });

  it('one name found in two folders met in folder order: kept in that order', () => {
    const p = project({ host: { dependencies: { first: '1', second: '1' } } });
    const modules = join(p.dir, 'node_modules');
    writePackage(join(modules, 'first'), { name: 'first', dependencies: { shared: '1' } });
    writePackage(join(modules, 'first/node_modules/shared'), { name: 'shared', ...declaring });
    writePackage(join(modules, 'second'), { name: 'second', dependencies: { shared: '2' } });
    writePackage(join(modules, 'second/node_modules/shared'), {
      name: 'shared',
      version: '2.0.0',
      ...declaring,
    });
    const result = walk(p.dir, { levels: 1 });
    expect(result.packages.map((x) => x.version)).toEqual(['1.0.0', '2.0.0']);
  });

  it('by name even where the folders sort the other way', () => {
    // Met in this order: `a` nested under `z`, then `b` in the host's node_modules.
    const p = project({ host: { dependencies: { z: '1', y: '1' } } });
    const modules = join(p.dir, 'node_modules');
    writePackage(join(modules, 'z'), { name: 'z', dependencies: { a: '1' } });
    writePackage(join(modules, 'z/node_modules/a'), { name: 'a', ...declaring });
    writePackage(join(modules, 'y'), { name: 'y', dependencies: { b: '1' } });
    writePackage(join(modules, 'b'), { name: 'b', ...declaring });
    const result = walk(p.dir, { levels: 1 });
    expect(result.packages.map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('reads a folder reached by its name and by a link to it once', () => {
    const p = project({ host: { dependencies: { real: '1', alias: '1' } } });
    writePackage(join(p.dir, 'node_modules/real'), { name: 'real', ...declaring });
    symlinkSync('./real', join(p.dir, 'node_modules/alias'));
    const result = walk(p.dir);
    expect(result.packages.map((x) => x.root)).toEqual([join(p.dir, 'node_modules/real')]);
    expect(result.packagesRead).toBe(1);
  });
});

describe('a nested install (npm)', () => {
  it("finds a nested package's dependency where npm hoisted it, in the host's node_modules", () => {
    const p = project({ host: { dependencies: { top: '1' } } });
    const modules = join(p.dir, 'node_modules');
    writePackage(join(modules, 'top'), { name: 'top', dependencies: { nested: '1' } });
    writePackage(join(modules, 'top/node_modules/nested'), {
      name: 'nested',
      dependencies: { hoisted: '1' },
    });
    writePackage(join(modules, 'hoisted'), { name: 'hoisted', ...declaring });
    const result = walk(p.dir, { levels: 2 });
    expect(result.issues).toEqual([]);
    expect(result.packages.map((x) => x.root)).toEqual([join(modules, 'hoisted')]);
  });
});

describe('a link where a package should be', () => {
  it('that loops is passed over as Node passes over it: the package is not found', () => {
    const p = project({ host: { dependencies: { loop: '1' } } });
    symlinkSync('loop', join(p.dir, 'node_modules/loop'));
    const [issue] = walk(p.dir).issues;
    expect(issue?.why).toMatch(
      /^"loop" is declared in "dependencies" of the host .* but Node cannot find it/,
    );
  });
});

describe("a package's own name", () => {
  it('is itself only when it has exports (Node self-reference); otherwise the installed package', () => {
    for (const exports of [undefined, null]) {
      const host = { name: 'same-name', exports, dependencies: { 'same-name': '1' } };
      const p = project({ host, packages: [{ name: 'same-name', manifest: declaring }] });
      expect(walk(p.dir).packages.map((x) => x.root)).toEqual([
        join(p.dir, 'node_modules/same-name'),
      ]);
    }
    const host = { name: 'same-name', exports: './x.js', dependencies: { 'same-name': '1' } };
    const p = project({ host, packages: [{ name: 'same-name', manifest: declaring }] });
    expect(walk(p.dir)).toMatchObject({ packages: [], issues: [], packagesRead: 0 });
  });

  it.each([
    ['a string', './x.js', true],
    ['an empty string', '', true],
    ['an object', { '.': './x.js' }, true],
    ['an array', [], true],
    ['null', null, false],
    ['false', false, false],
    ['true', true, false],
    ['a number', 1, false],
    ['zero', 0, false],
  ])('with exports %s, follows what Node resolves the name to', (_, exports, isSelf) => {
    const host = { name: 'same-name', exports, dependencies: { 'same-name': '1' } };
    const p = project({ host, packages: [{ name: 'same-name', manifest: declaring }] });
    const hostManifest = join(p.dir, 'package.json');
    // Node's own answer first: the host itself, or the installed package.
    const node = findPackageJSON('same-name', pathToFileURL(hostManifest));
    expect(node === hostManifest).toBe(isSelf);
    const roots = walk(p.dir).packages.map((x) => x.root);
    expect(roots).toEqual(isSelf ? [] : [join(p.dir, 'node_modules/same-name')]);
  });
});

describe('a package installed outside the host (a shared store reached through a link)', () => {
  it("finds that package's dependencies beside it, in the node_modules that holds it", () => {
    const p = project({ host: { dependencies: { linked: '1' } } });
    const store = join(p.root, 'store', 'node_modules');
    writePackage(join(store, 'linked'), { name: 'linked', dependencies: { sibling: '1' } });
    writePackage(join(store, 'sibling'), { name: 'sibling', ...declaring });
    symlinkSync(join(store, 'linked'), join(p.dir, 'node_modules/linked'));
    const result = walk(p.dir, { levels: 1 });
    expect(result.issues).toEqual([]);
    expect(result.packages.map((x) => x.root)).toEqual([realpathSync(join(store, 'sibling'))]);
  });

  it('but never in a parent folder of that node_modules', () => {
    const p = project({ host: { dependencies: { linked: '1' } } });
    const store = join(p.root, 'store', 'node_modules');
    writePackage(join(store, 'linked'), { name: 'linked', dependencies: { above: '1' } });
    writePackage(join(p.root, 'node_modules', 'above'), { name: 'above', ...declaring });
    symlinkSync(join(store, 'linked'), join(p.dir, 'node_modules/linked'));
    const result = walk(p.dir, { levels: 1 });
    expect(result.packages).toEqual([]);
    expect(result.issues[0]?.why).toContain(
      '"above" is declared in "dependencies" of linked@1.0.0',
    );
  });
});
