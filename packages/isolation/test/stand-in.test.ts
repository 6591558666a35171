// What the host holds of an isolated plugin, and the errors of each stage:
// the stand-in's methods and copied members, a contract checked against it,
// import and integration failures at their stage, answers and arguments that
// cannot cross.
import { fileURLToPath } from 'node:url';
import {
  convention,
  ExtensionSet,
  fileList,
  PluginCallError,
  PluginImportError,
  PluginIntegrationError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { afterEach, describe, expect, it } from 'vitest';
import { type IsolationOptions, isolation } from '../src/index.ts';
import { closeAll, extension, loadUntrusted, outcome } from './untrusted-set.ts';

interface Counter {
  readonly unit: string;
  next(): Promise<number>;
  handle(): Promise<unknown>;
}

const fixtures = fileURLToPath(new URL('../test-fixtures/plugins/', import.meta.url));
const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
  await closeAll();
});

function counters(options: Partial<IsolationOptions>, exportName = 'Counter') {
  const isolated = isolation<Counter>({
    mode: 'worker',
    integration: 'construct',
    args: [{ start: 10 }],
    ...options,
  });
  opened.push(() => isolated.close());
  return ExtensionSet.discover<Counter>({
    namespace: 'test.counter',
    sources: [
      fileList({
        namespace: 'test.counter',
        files: { counter: { path: 'counter.js', export: exportName } },
        cwd: fixtures,
      }),
    ],
    importer: isolated.importer,
    integration: isolated.integration,
    contract: convention<Counter>({ name: 'Counter', members: { next: 'function' } }),
  });
}

describe('the stand-in', () => {
  it("has the plugin's methods, keeps its state over there, and copies its data members", async () => {
    const [counter] = await counters({}).loadAll();
    expect(counter?.object.unit).toBe('calls');
    expect(await counter?.object.next()).toBe(11);
    expect(await counter?.object.next()).toBe(12);
    expect(Object.keys(counter?.object ?? {}).sort()).toEqual(['handle', 'next', 'unit']);
  });

  it('offers only the methods the host names; one the plugin lacks is left for the contract', async () => {
    const set = counters({ methods: ['reset'] });
    await set.loadAll();
    expect(set.extensions[0]?.state).toMatchObject({ status: 'failed', stage: 'enforcement' });
    expect(set.extensions[0]?.lastError?.message).toBe(
      '[test.counter:counter] (enforcement) does not meet the Counter contract: next: missing (expected a function)',
    );
  });

  it('refuses an answer that cannot be copied to the host, as a failed call', async () => {
    const [counter] = await counters({}).loadAll();
    const result = await outcome(counter?.object.handle() ?? Promise.resolve());
    expect((result as { error: Error }).error).toBeInstanceOf(PluginCallError);
    expect((result as { error: Error }).error.message).toMatch(
      /call to handle\(\) failed: its answer cannot be copied to the host/,
    );
    expect(await counter?.object.next()).toBe(11); // and the plugin goes on
  });

  it('rejects arguments the host cannot copy, without blaming the plugin', async () => {
    const [counter] = await counters({}).loadAll();
    const next = counter?.object.next as unknown as (arg: unknown) => Promise<unknown>;
    const result = await outcome(next(() => 1));
    expect((result as { error: Error }).error.name).toBe('DataCloneError');
    expect(counter?.lastError).toBeUndefined();
  });
});

describe('close', () => {
  it('resolves once the worker has ended; a later call is refused as unavailable', async () => {
    const isolated = isolation<Counter>({
      mode: 'worker',
      integration: 'construct',
      args: [{ start: 0 }],
    });
    const [counter] = await ExtensionSet.discover<Counter>({
      namespace: 'test.counter',
      sources: [
        fileList({
          namespace: 'test.counter',
          files: { counter: { path: 'counter.js', export: 'Counter' } },
          cwd: fixtures,
        }),
      ],
      importer: isolated.importer,
      integration: isolated.integration,
    }).loadAll();
    expect(await counter?.object.next()).toBe(1);
    await isolated.close();
    const later = await outcome(counter?.object.next() ?? Promise.resolve());
    expect((later as { error: Error }).error).toBeInstanceOf(PluginUnavailableError);
    expect((later as { error: Error }).error.message).toBe(
      '[test.counter:counter] (enabling) is not available: its worker thread was closed by the host',
    );
    expect(counter?.lastError).toBeUndefined(); // closing is the host's doing: nothing is blamed
  });
});

describe('loading failures, at their stage', () => {
  it('a missing export is a PluginImportError at import', async () => {
    const set = counters({}, 'Missing');
    await set.loadAll();
    const error = set.extensions[0]?.lastError;
    expect(error).toBeInstanceOf(PluginImportError);
    expect(error?.message).toBe(
      '[test.counter:counter] (import) could not import "counter.js:Missing": the module has no export "Missing" (it exports Counter)',
    );
  });

  it('a constructor the host gives the wrong arguments is a PluginIntegrationError', async () => {
    const set = counters({ args: [] });
    await set.loadAll();
    const error = set.extensions[0]?.lastError;
    expect(error).toBeInstanceOf(PluginIntegrationError);
    expect(error?.message).toMatch(
      /^\[test\.counter:counter\] \(integration\) building it in its worker thread failed: Cannot read properties of undefined/,
    );
  });

  it("the integration without the same isolation's importer is refused", async () => {
    const isolated = isolation({ mode: 'worker' });
    const set = ExtensionSet.discover({
      namespace: 'test.counter',
      sources: [
        fileList({
          namespace: 'test.counter',
          files: { c: { path: 'counter.js', export: 'Counter' } },
          cwd: fixtures,
        }),
      ],
      integration: isolated.integration,
    });
    await set.loadAll();
    expect(set.extensions[0]?.lastError).toBeInstanceOf(PluginIntegrationError);
    expect(set.extensions[0]?.lastError?.message).toBe(
      "[test.counter:c] (integration) isolation failed: an isolation's integration needs the same isolation's importer",
    );
  });
});

describe('one worker per namespace', () => {
  it('shares its ending among the plugins it holds', async () => {
    const { set } = await loadUntrusted(['exits', 'steady'], {
      mode: 'worker',
      share: 'namespace',
      restart: 'on-next-call',
    });
    await outcome(extension(set, 'exits').object.poll());
    const steady = extension(set, 'steady');
    expect(steady.lastError?.message).toBe(
      '[meter.untrusted:steady] (invocation) its worker thread exited with code 3',
    );
    // Both are loaded again in the next worker, at the next call.
    expect(await steady.object.poll()).toEqual([{ meter: 'untrusted.steady', volume: 1 }]);
    expect(steady.history.at(-1)?.by).toBe('restart');
  });

  it('is for workers only: a child process runs one plugin', () => {
    expect(() => isolation({ mode: 'child', share: 'namespace' })).toThrow(
      "isolation: share: 'namespace' is for workers; a child process runs one plugin",
    );
  });
});
