/**
 * A host that passes overlapping sources (a package scan, and a reference
 * list naming the same package) finds one plugin twice. The dispatcher treats
 * it as the driver does: one plugin, called once; two packages under one name
 * are still a conflict.
 */
import {
  AmbiguousPluginError,
  type DiscoverySource,
  ExtensionSet,
  packageScan,
  referenceList,
} from '@plugin-patterns/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeProject, makeProject } from '../../loader/test-fixtures/make-project.ts';
import type { Delivery, DispatchResult } from './delivery.ts';
import { Dispatcher } from './dispatcher.ts';

interface Greeter {
  greet(who: string): string;
}

const namespace = 'test.greeters';

function greetingPackage(name: string, version: string) {
  return {
    name,
    version,
    manifest: {
      type: 'module',
      exports: { './hello': './hello.js' },
      entryPoints: { [namespace]: { hello: './hello:Hello' } },
    },
    files: { 'hello.js': `export const Hello = { greet: (who) => '${name}: hello ' + who };\n` },
  };
}

const projects: FakeProject[] = [];
afterAll(() => {
  for (const project of projects) project.remove();
});

/** A host with these packages installed, read by a package scan and by a reference list of `hello`. */
function overlappingSources(...packages: ReturnType<typeof greetingPackage>[]): DiscoverySource[] {
  const dependencies = Object.fromEntries(packages.map((p) => [p.name, p.version]));
  const project = makeProject({ host: { dependencies }, packages });
  projects.push(project);
  const listed = packages[0]?.name as string;
  return [
    packageScan({ cwd: project.dir, cache: false }),
    referenceList({ namespace, cwd: project.dir, plugins: { hello: `${listed}/hello:Hello` } }),
  ];
}

describe('Dispatcher: one package found by two sources', () => {
  it('is one plugin: call(name) calls it, once, through the first record found', async () => {
    const set = ExtensionSet.discover<Greeter>({
      namespace,
      sources: overlappingSources(greetingPackage('greeting-plugins', '1.0.0')),
    });
    const records = set.named('hello');
    expect(records.map((e) => e.source.via)).toEqual(['package-scan', 'reference-list']);

    const dispatcher = await Dispatcher.load(set);
    const called: unknown[] = [];
    const delivery = dispatcher.call('hello', (g) => {
      called.push(g);
      return g.greet('Ada');
    }) as Delivery<string>;
    expect(delivery).toEqual({ plugin: 'hello', ok: true, value: 'greeting-plugins: hello Ada' });
    expect(called).toHaveLength(1);
    expect(dispatcher.names()).toEqual(['hello']);
    // The first record found is the one used: a failed call is kept on it, not on the repeat.
    dispatcher.call('hello', () => {
      throw new Error('no voice');
    });
    expect(records[0]?.lastError?.message).toContain('no voice');
    expect(records[1]?.lastError).toBeUndefined();
  });

  it('byName and byPredicate call it once too', async () => {
    const set = ExtensionSet.discover<Greeter>({
      namespace,
      sources: overlappingSources(greetingPackage('greeting-plugins', '1.0.0')),
    });
    const dispatcher = await Dispatcher.load(set);
    const byName = dispatcher.byName(['hello'], (g) => g.greet('Ada')) as DispatchResult<string>;
    const byPredicate = dispatcher.byPredicate(
      (e) => e.name === 'hello',
      (g) => g.greet('Bo'),
    ) as DispatchResult<string>;
    expect(byName.deliveries).toHaveLength(1);
    expect(byPredicate.deliveries).toEqual([
      { plugin: 'hello', ok: true, value: 'greeting-plugins: hello Bo' },
    ]);
  });

  it('two packages claiming the name are still ambiguous, named as the driver names them', async () => {
    const set = ExtensionSet.discover<Greeter>({
      namespace,
      sources: overlappingSources(
        greetingPackage('greeting-plugins', '1.0.0'),
        greetingPackage('rival-greetings', '2.0.0'),
      ),
    });
    const dispatcher = await Dispatcher.load(set);
    const attempt = () => dispatcher.call('hello', (g) => g.greet('Ada'));
    expect(attempt).toThrow(AmbiguousPluginError);
    expect(attempt).toThrow(
      expect.objectContaining({
        claimants: ['greeting-plugins@1.0.0', 'rival-greetings@2.0.0'],
      }) as Error,
    );
  });
});
