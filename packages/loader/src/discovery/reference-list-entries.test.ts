import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject } from '../../test-fixtures/make-project.ts';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { referenceList } from './reference-list.ts';

// Entries of a host's reference list that are refused before any module is
// resolved, and what each refusal names.

const meter = { name: 'meter-plugins', template: 'meter-plugins' };
const shared = { name: 'shared-helpers', template: 'shared-helpers' };

function installed() {
  const p = makeProject({
    host: { dependencies: { 'meter-plugins': '1' } },
    packages: [shared, meter],
  });
  onTestFinished(() => p.remove());
  return p;
}

function problemsOf(cwd: string, plugins: Record<string, unknown>) {
  const list = referenceList({
    namespace: 'meter.storage',
    cwd,
    plugins: plugins as Record<string, string>,
  });
  return list.discover().problems;
}

describe('an entry refused before it is resolved', () => {
  it('a plugin name that cannot be one: no plugin named, the namespace named', () => {
    const p = installed();
    const [problem] = problemsOf(p.dir, { 'bad name': 'meter-plugins/storage:MemoryStorage' });
    expect(problem).toMatchObject({ name: undefined, origin: 'reference list, plugin "bad name"' });
    expect(problem?.error).toMatchObject({ namespace: 'meter.storage', plugin: undefined });
    expect(problem?.error.detail).toMatch(/^plugin name "bad name" may only use/);
  });

  it('a reference that is not a string: shown as none, the plugin named', () => {
    const p = installed();
    const [problem] = problemsOf(p.dir, { odd: 42 });
    expect(problem).toMatchObject({ name: 'odd', reference: undefined });
    expect(problem?.error.detail).toBe('a reference must be a string, not a number');
  });

  it('a package whose package.json is not JSON: the reason, with no package to name', () => {
    const p = installed();
    const broken = join(p.dir, 'node_modules', 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'package.json'), '{ "name": "broken", oops');
    const [problem] = problemsOf(p.dir, { b: 'broken/x:Y' });
    expect(problem?.error).toBeInstanceOf(DiscoveryError);
    expect(problem?.error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(problem?.error).toMatchObject({ namespace: 'meter.storage', plugin: 'b' });
    expect(problem?.error.detail).toMatch(/is not valid JSON/);
    expect(problem?.source).toBeUndefined();
  });
});

describe('the package a listed reference names', () => {
  it('is named as the host named it, with what its manifest claims beside', () => {
    const p = installed();
    const alias = join(p.dir, 'node_modules', 'storage-alias');
    mkdirSync(alias);
    writeFileSync(
      join(alias, 'package.json'),
      JSON.stringify({ name: 'meter-plugins', version: '9.0.0', exports: { './x': './x.js' } }),
    );
    writeFileSync(join(alias, 'x.js'), 'export const X = 1;\n');
    const report = referenceList({
      namespace: 'meter.storage',
      cwd: p.dir,
      plugins: { x: 'storage-alias/x:X', memory: 'meter-plugins/storage:MemoryStorage' },
    }).discover();
    const [x, memory] = report.entryPoints;
    expect(x?.source).toMatchObject({ packageName: 'storage-alias', claimedName: 'meter-plugins' });
    expect(memory?.source).not.toHaveProperty('claimedName');
  });
});

it('refuses an invalid namespace up front, saying why', () => {
  expect(() => referenceList({ namespace: 'meter storage', plugins: {} })).toThrow(
    /^referenceList: namespace "meter storage" may only use/,
  );
});
