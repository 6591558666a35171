/**
 * The published packages' metadata and the build settings, as issue 21 left
 * them: no placeholder fields, one initial-release changeset per package, the
 * contracts shared as a peer, types for the Node.js floor, and turbo tasks
 * that run on a cache miss and cache what they should.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mustRun, publicPackages, ROOT } from './consumer.ts';

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const root = read('package.json');

describe('the published packages', () => {
  it('have no placeholder fields (a repository field only once there is a real one)', () => {
    for (const { name, dir } of publicPackages()) {
      expect(readFileSync(join(dir, 'package.json'), 'utf8'), name).not.toContain(
        'example.invalid',
      );
    }
  });

  it('share the host contracts as a peer: storage-postgres as sample-plugins does', () => {
    for (const folder of ['storage-postgres', 'sample-plugins', 'transport-amqp']) {
      const manifest = read(`packages/${folder}/package.json`);
      expect(manifest.peerDependencies?.['@plugin-patterns/meter-contracts'], folder).toBe(
        'workspace:^',
      );
      expect(manifest.dependencies?.['@plugin-patterns/meter-contracts'], folder).toBeUndefined();
    }
  });

  it('are typed against the Node.js floor in their engines', () => {
    const floor = Number(/(\d+)\./.exec(root.engines.node)?.[1]);
    expect(Number(root.devDependencies['@types/node'].split('.')[0])).toBe(floor);
  });

  it('carry one "initial release" changeset each, not the pre-release history', () => {
    const initial = readdirSync(join(ROOT, '.changeset')).filter((f) =>
      f.startsWith('initial-release-'),
    );
    const named = initial.map((file) => {
      const text = readFileSync(join(ROOT, '.changeset', file), 'utf8');
      expect(text, file).toContain('Initial release.');
      return /^"([^"]+)": minor$/m.exec(text)?.[1];
    });
    const original = ['cli', 'loader', 'meter-contracts', 'dispatch', 'driver', 'iterator'];
    for (const name of [...original, 'sample-plugins', 'storage-postgres', 'transport-amqp']) {
      expect(
        named.filter((n) => n === `@plugin-patterns/${name}`),
        name,
      ).toHaveLength(1);
    }
  });
});

describe('turbo', () => {
  it('runs a task on a cache miss (pnpm turbo used to spawn a relative ./node_modules/.bin/pnpm)', () => {
    // The third party's package: no test reads its dist/ while this rebuilds it.
    const filter = '--filter=@acme/meter-uptime';
    const out = mustRun('pnpm', ['turbo', 'run', 'build', filter, '--force'], ROOT).stdout;
    expect(out).toMatch(/Tasks: +(\d+) successful, \1 total/);
    expect(out).toContain('@acme/meter-uptime:build: cache bypass');
  }, 120_000);

  it("hashes no file under node_modules or dist, and builds no docs site in 'build'", () => {
    const { stdout } = mustRun(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', '--dry=json'],
      ROOT,
    );
    const dry = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      tasks: { taskId: string; command: string; inputs: Record<string, string> }[];
    };
    for (const task of dry.tasks) {
      const outside = Object.keys(task.inputs).filter((f) => /(^|\/)(node_modules|dist)\//.test(f));
      expect(outside, task.taskId).toEqual([]);
    }
    const docsBuild = dry.tasks.find((t) => t.taskId === '@plugin-patterns/docs#build');
    expect(docsBuild?.command ?? '<NONEXISTENT>').toBe('<NONEXISTENT>');
  }, 120_000);
});
