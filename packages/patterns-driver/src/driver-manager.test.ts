import {
  AmbiguousPluginError,
  allowList,
  type Contract,
  ContractViolationError,
  type DiscoverySource,
  defineNamespace,
  denyList,
  NoMatchingPluginError,
  PluginCallError,
  PluginImportError,
  PluginIntegrationError,
  PluginTimeoutError,
  PluginUnavailableError,
  packageScan,
  referenceList,
  selfCheck,
} from '@plugin-patterns/loader';
import { type Importer, importExport } from '@plugin-patterns/loader/importing';
import type { StorageDriver } from '@plugin-patterns/meter-contracts';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { DriverManager, loadDriver } from './driver-manager.ts';
import { InvalidDriverUrlError } from './driver-url.ts';
import { installedHost, installedSource, removeInstalledHosts } from './test-fixtures.ts';

afterAll(removeInstalledHosts);

const namespace = 'meter.storage';
const fast = installedSource('fast-drivers');
const both = installedSource('fast-drivers', 'rival-drivers');

interface FixtureDriver extends StorageDriver {
  readonly options: unknown;
}

/** An importer that records what it was asked to import, then imports it for real. */
function recordingImporter(): { importer: Importer; imported: string[] } {
  const imported: string[] = [];
  return {
    imported,
    importer: (target, who) => {
      imported.push(`${who.name} <- ${target.url.slice(target.url.indexOf('test-fixtures/'))}`);
      return importExport(target, who);
    },
  };
}

describe('DriverManager.load by name', () => {
  it('hands back the constructed plugin object itself, not a wrapper', async () => {
    const manager = await DriverManager.load<FixtureDriver>({
      namespace,
      sources: [fast],
      name: 'memory',
      args: [{ url: 'memory:' }],
    });
    // Already evaluated by the load above: this import returns the same module.
    const modulePath = '../test-fixtures/fast-drivers/memory.js';
    const module = (await import(modulePath)) as {
      MemoryDriver: { instances: unknown[] };
    };
    expect(manager.driver).toBe(module.MemoryDriver.instances.at(-1));
    expect(manager.driver).toBeInstanceOf(module.MemoryDriver as unknown as new () => unknown);
    expect(manager.driver.options).toEqual({ url: 'memory:' });
    expect(manager.name).toBe('memory');
    expect(manager.url).toBeUndefined();
    expect(manager.extension.object).toBe(manager.driver);
    expect(manager.extension.toJSON()).toMatchObject({
      status: 'enabled',
      loaded: true,
      source: 'fixture-fast-drivers@1.0.0',
    });
  });

  it('imports the chosen plugin and no other', async () => {
    const { importer, imported } = recordingImporter();
    await DriverManager.load({ namespace, sources: [both], name: 'sqlite', importer });
    expect(imported).toEqual(['sqlite <- test-fixtures/rival-drivers/sqlite.js']);
  });

  it('uses the export as it is when given no args', async () => {
    const manager = await DriverManager.load({ namespace, sources: [fast], name: 'memory' });
    expect(typeof manager.driver).toBe('function');
    expect((manager.driver as { name: string }).name).toBe('MemoryDriver');
  });

  it('keeps the whole namespace in view for reports', async () => {
    const manager = await DriverManager.load({ namespace, sources: [fast], name: 'memory' });
    expect(manager.extensions.names()).toEqual([
      'memory',
      'broken',
      'grumpy',
      'shapeless',
      'offline',
    ]);
    const loaded = manager.extensions.report().filter((r) => r.loaded);
    expect(loaded.map((r) => r.name)).toEqual(['memory']);
  });

  it('makes a record for the chosen name only, and the others when a report asks', async () => {
    const { source, made } = countingRecords(fast);
    const manager = await DriverManager.load({ namespace, sources: [source], name: 'memory' });
    expect(made).toEqual(['memory']);
    const report = manager.extensions.report();
    expect(made).toEqual(['memory', 'broken', 'grumpy', 'shapeless', 'offline']);
    expect(report.map((r) => [r.name, r.loaded])).toEqual([
      ['memory', true],
      ['broken', false],
      ['grumpy', false],
      ['shapeless', false],
      ['offline', false],
    ]);
    expect(manager.extensions.named('memory')[0]).toBe(manager.extension);
  });

  it('applies the policies to the whole namespace, not to the chosen name alone', async () => {
    const manager = await DriverManager.load({
      namespace,
      sources: [fast],
      policies: [allowList(['offline', 'memory', 'grumpi'])],
      name: 'memory',
    });
    expect(manager.extensions.unmatched).toEqual([
      { policy: 'allow-list', name: 'grumpi', closest: 'grumpy' },
    ]);
    expect(manager.extensions.enabled().map((e) => e.name)).toEqual(['offline', 'memory']);
  });
});

/**
 * The same declarations as `source`, each noting its name when a record is
 * made from it (a record reads the declaration's `source` once, when made).
 */
function countingRecords(source: DiscoverySource): { source: DiscoverySource; made: string[] } {
  const made: string[] = [];
  return {
    made,
    source: {
      kind: source.kind,
      discover(wanted) {
        const report = source.discover(wanted);
        const entryPoints = report.entryPoints.map((entry) => ({
          ...entry,
          get source() {
            made.push(entry.name);
            return entry.source;
          },
        }));
        return { ...report, entryPoints };
      },
    },
  };
}

describe('DriverManager.load by URL', () => {
  it('chooses the driver named by the scheme and passes the URL to the args function', async () => {
    const seen: unknown[] = [];
    const manager = await DriverManager.load<FixtureDriver>({
      namespace,
      sources: [both],
      url: 'SQLITE:///var/lib/meter.db',
      args: (context) => {
        seen.push(context);
        return [{ url: context.url?.href }];
      },
    });
    expect(manager.name).toBe('sqlite');
    expect(manager.url?.scheme).toBe('sqlite');
    expect(manager.driver.options).toEqual({ url: 'SQLITE:///var/lib/meter.db' });
    expect(seen).toEqual([
      {
        namespace,
        name: 'sqlite',
        record: manager.extension,
        url: expect.objectContaining({ rest: '///var/lib/meter.db' }),
      },
    ]);
  });

  it('refuses a malformed URL before discovering or importing anything', async () => {
    const { importer, imported } = recordingImporter();
    const failing = DriverManager.load({
      namespace,
      sources: [fast],
      url: 'var/lib/meter.db',
      importer,
    });
    await expect(failing).rejects.toThrow(InvalidDriverUrlError);
    await expect(failing).rejects.toThrow(/has no scheme/);
    expect(imported).toEqual([]);
  });

  it('reports an unknown scheme as no matching plugin, with the closest name', async () => {
    const failing = DriverManager.load({ namespace, sources: [both], url: 'sqlit:///x.db' });
    await expect(failing).rejects.toThrow(NoMatchingPluginError);
    await expect(failing).rejects.toMatchObject({ plugin: 'sqlit', closest: 'sqlite' });
  });
});

describe('DriverManager.load: no match and several matches are distinct errors', () => {
  it('no match lists the names that exist and the closest one', async () => {
    const error = await rejection(
      DriverManager.load({ namespace, sources: [fast], name: 'memroy' }),
    );
    expect(error).toBeInstanceOf(NoMatchingPluginError);
    expect(error).toMatchObject({
      namespace,
      plugin: 'memroy',
      stage: 'enabling',
      closest: 'memory',
      available: ['memory', 'broken', 'grumpy', 'shapeless', 'offline'],
    });
    expect(error.message).toBe(
      '[meter.storage:memroy] (enabling) no plugin named "memroy". Available: memory, broken, grumpy, shapeless, offline. Did you mean "memory"?',
    );
  });

  it('no match in an empty namespace says there is none', async () => {
    const error = await rejection(
      DriverManager.load({ namespace: 'meter.nothing', sources: [fast], name: 'memory' }),
    );
    expect(error.message).toContain('Available: none.');
  });

  it('two packages claiming the name is ambiguous: both are named and neither is imported', async () => {
    const { importer, imported } = recordingImporter();
    const error = await rejection(
      DriverManager.load({ namespace, sources: [both], name: 'memory', importer }),
    );
    expect(error).toBeInstanceOf(AmbiguousPluginError);
    expect(error).toMatchObject({
      plugin: 'memory',
      claimants: ['fixture-fast-drivers@1.0.0', 'fixture-rival-drivers@3.1.0'],
    });
    expect(error.message).toContain('fixture-fast-drivers@1.0.0, fixture-rival-drivers@3.1.0');
    expect(imported).toEqual([]);
  });

  it('one package found by two sources is one claimant, not a conflict', async () => {
    const manager = await DriverManager.load({ namespace, sources: [fast, fast], name: 'memory' });
    expect(manager.extensions.named('memory')).toHaveLength(2);
    expect(manager.name).toBe('memory');
  });
});

describe('DriverManager.load: a scan and a reference list that overlap', () => {
  const host = installedHost('fast-drivers');
  const scan = packageScan({ cwd: host.dir, cache: false });
  const listing = (reference: string) =>
    referenceList({ namespace, cwd: host.dir, plugins: { memory: reference } });

  it('the same export named by both is one claimant: the first record found is loaded, as the loader loads it', async () => {
    const { importer, imported } = recordingImporter();
    const manager = await DriverManager.load({
      namespace,
      sources: [scan, listing('fixture-fast-drivers/memory:MemoryDriver')],
      name: 'memory',
      importer,
    });
    const records = manager.extensions.named('memory');
    expect(records.map((e) => e.source.via)).toEqual(['package-scan', 'reference-list']);
    expect(manager.extension).toBe(records[0]);
    // The later record says why it is not running, and which record is.
    expect(records[1]?.state).toMatchObject({ status: 'disabled', by: 'found-twice' });
    expect(imported).toEqual(['memory <- test-fixtures/fast-drivers/memory.js']);
    // The loader's own load agrees: the same record, not an AmbiguousPluginError.
    await expect(manager.extensions.load('memory')).resolves.toBe(manager.driver);
    expect(imported).toHaveLength(1);
  });

  it("a declaration the list could not accept claims nothing: the scan's driver is loaded, and the refused record says why", async () => {
    const { importer, imported } = recordingImporter();
    const manager = await DriverManager.load({
      namespace,
      sources: [scan, listing('../outside:MemoryDriver')],
      name: 'memory',
      importer,
    });
    const records = manager.extensions.named('memory');
    expect(records).toHaveLength(2);
    expect(manager.extension).toBe(records[0]);
    expect(records[0]?.source.via).toBe('package-scan');
    expect(records[1]?.state).toMatchObject({ status: 'failed', stage: 'discovery' });
    expect(imported).toEqual(['memory <- test-fixtures/fast-drivers/memory.js']);
    // The loader's own load by name decides the same.
    await expect(manager.extensions.load('memory')).resolves.toBe(manager.driver);
  });

  it('the list pointing the name at another export of the package is a conflict, not a silent pick', async () => {
    const { importer, imported } = recordingImporter();
    const error = await rejection(
      DriverManager.load({
        namespace,
        sources: [scan, listing('fixture-fast-drivers/offline:OfflineDriver')],
        name: 'memory',
        importer,
      }),
    );
    expect(error).toBeInstanceOf(AmbiguousPluginError);
    expect(error).toMatchObject({
      claimants: [
        'fixture-fast-drivers@1.0.0 (./memory:MemoryDriver)',
        'fixture-fast-drivers@1.0.0 (fixture-fast-drivers/offline:OfflineDriver)',
      ],
    });
    expect(imported).toEqual([]);
  });
});

describe('DriverManager.load: a driver that cannot load is a typed error naming it', () => {
  it('a module that throws while evaluated: PluginImportError', async () => {
    const error = await rejection(
      DriverManager.load({ namespace, sources: [fast], name: 'broken' }),
    );
    expect(error).toBeInstanceOf(PluginImportError);
    expect(error).toMatchObject({ namespace, plugin: 'broken', stage: 'import' });
    expect(error.message).toContain('broken driver: a dependency is missing');
  });

  it('a constructor that throws: PluginIntegrationError', async () => {
    const error = await rejection(
      DriverManager.load({ namespace, sources: [fast], name: 'grumpy', args: [{ url: 'x:' }] }),
    );
    expect(error).toBeInstanceOf(PluginIntegrationError);
    expect(error).toMatchObject({ plugin: 'grumpy', stage: 'integration' });
    expect(error.message).toContain('new GrumpyDriver() failed: grumpy driver: no URL I like');
  });

  it('an object that misses the contract: ContractViolationError', async () => {
    const storageContract: Contract<StorageDriver> = {
      name: 'StorageDriver',
      check(value) {
        const missing = ['write', 'query', 'close'].filter(
          (m) => typeof (value as Record<string, unknown>)[m] !== 'function',
        );
        return missing.length === 0
          ? { ok: true, value: value as StorageDriver }
          : { ok: false, issues: missing.map((path) => ({ path, message: 'is not a method' })) };
      },
    };
    const storage = defineNamespace<StorageDriver>(namespace, { contract: storageContract });
    const error = await rejection(
      DriverManager.load({ namespace: storage, sources: [fast], name: 'shapeless', args: [{}] }),
    );
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toMatchObject({ plugin: 'shapeless', stage: 'enforcement' });
    expect(error.message).toContain('write: is not a method; query: is not a method');
  });
});

describe('DriverManager.load: loadTimeoutMs', () => {
  it('a driver whose import never finishes: PluginTimeoutError at the import stage', async () => {
    const hangs: Importer = () => new Promise<never>(() => {});
    const error = await rejection(
      DriverManager.load({
        namespace,
        sources: [fast],
        name: 'grumpy',
        importer: hangs,
        loadTimeoutMs: 30,
      }),
    );
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect(error).toMatchObject({ namespace, plugin: 'grumpy', stage: 'import' });
  });
});

describe('DriverManager.load: a disabled driver is reported as unavailable, with the reason', () => {
  it('turned off by a policy before import: nothing is imported', async () => {
    const { importer, imported } = recordingImporter();
    const error = await rejection(
      DriverManager.load({
        namespace,
        sources: [installedSource('rival-drivers')],
        policies: [denyList(['sqlite'])],
        url: 'sqlite:///x.db',
        importer,
      }),
    );
    expect(error).toBeInstanceOf(PluginUnavailableError);
    expect(error).toMatchObject({ plugin: 'sqlite' });
    expect(error.message).toContain('is not available: disabled by deny-list: in the deny list');
    expect(imported).toEqual([]);
  });

  it('turned off by its own availability check after load', async () => {
    const error = await rejection(
      DriverManager.load({
        namespace,
        sources: [fast],
        policies: [selfCheck()],
        name: 'offline',
        args: [],
      }),
    );
    expect(error).toBeInstanceOf(PluginUnavailableError);
    expect(error.message).toBe(
      '[meter.storage:offline] (enabling) is not available: disabled by self-check: the store at offline: is not reachable',
    );
  });
});

describe('DriverManager.load: the real PostgreSQL driver with no server to reach', () => {
  it('is disabled by its own check, with the reason, and the host goes on', async () => {
    const sources = [installedSource('fast-drivers', 'storage-postgres')];
    const url = 'postgres://meter:s3cret@127.0.0.1:1/meter';
    const error = await rejection(
      DriverManager.load({ namespace, sources, policies: [selfCheck()], url, args: [{ url }] }),
    );
    expect(error).toBeInstanceOf(PluginUnavailableError);
    expect(error).toMatchObject({ plugin: 'postgres', stage: 'enabling' });
    expect(error.message).toContain(
      'disabled by self-check: cannot use PostgreSQL at postgres://meter:***@127.0.0.1:1/meter: connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(error.message).not.toContain('s3cret');
    // The host falls back to another driver of the same namespace.
    const fallback = await DriverManager.load({ namespace, sources, name: 'memory', args: [{}] });
    expect(fallback.name).toBe('memory');
  });

  it('answers to postgresql: as well, the alias its package declares', async () => {
    const sources = [installedSource('storage-postgres')];
    const error = await rejection(
      DriverManager.load({
        namespace,
        sources,
        policies: [selfCheck()],
        url: 'postgresql:',
        args: [{ url: 'postgresql:' }],
      }),
    );
    expect(error).toMatchObject({ plugin: 'postgresql' });
    expect(error.message).toContain('disabled by self-check: no PostgreSQL server is configured');
  });
});

describe('DriverManager.load: the choice must be made exactly once', () => {
  it('refuses both a name and a URL, and neither', async () => {
    const options = { namespace, sources: [fast] };
    // @ts-expect-error: name and url exclude each other
    const both = DriverManager.load({ ...options, name: 'memory', url: 'memory:' });
    await expect(both).rejects.toThrow(
      'choose the meter.storage driver by "name" or by "url", not both',
    );
    // @ts-expect-error: one of name and url is required
    const neither = DriverManager.load({ ...options });
    await expect(neither).rejects.toThrow('not neither');
  });

  it('refuses an empty name', async () => {
    await expect(DriverManager.load({ namespace, sources: [fast], name: '' })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('DriverManager.fromInstance: the test seam', () => {
  it('wraps a driver the host already has, with no discovery and no import', () => {
    const fake: StorageDriver = {
      write: async () => {},
      query: async () => [],
      close: async () => {},
    };
    const manager = DriverManager.fromInstance(namespace, 'fake', fake);
    expect(manager.driver).toBe(fake);
    expect(manager.name).toBe('fake');
    expect(manager.namespace).toBe(namespace);
    expect(manager.extension.isReady).toBe(true);
    expect(manager.extension.toJSON()).toMatchObject({ source: 'in-memory', status: 'enabled' });
    expectTypeOf(manager.driver).toEqualTypeOf<StorageDriver>();
  });
});

describe('DriverManager.call: the guarded call', () => {
  const flaky = {
    count: () => 3,
    fail: (): never => {
      throw new Error('disk full');
    },
    slow: () => new Promise<never>(() => {}),
  };

  it('returns a sync answer synchronously', () => {
    const manager = DriverManager.fromInstance(namespace, 'flaky', flaky);
    expect(manager.call((d) => d.count())).toBe(3);
  });

  it('turns a failure into a PluginCallError on record, and keeps the driver enabled', () => {
    const manager = DriverManager.fromInstance(namespace, 'flaky', flaky);
    const run = () => manager.call((d) => d.fail(), { method: 'write' });
    expect(run).toThrow(PluginCallError);
    expect(run).toThrow('[meter.storage:flaky] (invocation) call to write() failed: disk full');
    expect(manager.extension.lastError).toBeInstanceOf(PluginCallError);
    expect(manager.extension.isEnabled).toBe(true);
  });

  it('puts a time limit on a promised answer', async () => {
    const manager = DriverManager.fromInstance(namespace, 'flaky', flaky);
    await expect(manager.call((d) => d.slow(), { method: 'query', timeoutMs: 5 })).rejects.toThrow(
      PluginTimeoutError,
    );
  });
});

describe('loadDriver', () => {
  it('returns the driver alone', async () => {
    const driver = await loadDriver({ namespace, sources: [fast], name: 'memory', args: [{}] });
    expect(driver).toHaveProperty('samples', []);
  });

  it('types the driver from a typed namespace', async () => {
    const storage = defineNamespace<StorageDriver>(namespace);
    const driver = await loadDriver({
      namespace: storage,
      sources: [fast],
      name: 'memory',
      args: [{}],
    });
    expectTypeOf(driver).toEqualTypeOf<StorageDriver>();
    await driver.write([]);
    expect(await driver.query()).toEqual([]);
  });
});

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw error;
  }
  throw new Error('expected a rejection');
}
