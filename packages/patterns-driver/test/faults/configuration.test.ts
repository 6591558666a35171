/**
 * The driver pattern against a host's configuration mistakes: a driver name
 * that does not exist, a URL whose scheme names no driver, a URL that cannot
 * be a driver URL at all, and one the chosen driver cannot use. Each is a
 * typed error that names what was wrong (and, where the pattern knows it,
 * what exists), raised before any plugin code that did not have to run.
 *
 * The drivers are the sample package's storage drivers, found by a scan of
 * this package's own installed (dev) dependencies.
 */
import { fileURLToPath } from 'node:url';
import {
  type Importer,
  importExport,
  NoMatchingPluginError,
  PluginIntegrationError,
  packageScan,
} from '@plugin-patterns/loader';
import {
  InvalidStorageUrlError,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { DriverManager, InvalidDriverUrlError } from '../../src/index.ts';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const source = packageScan({ cwd: packageRoot, include: ['devDependencies'], cache: false });
const DRIVERS = ['memory', 'sqlite', 'jsonl'];

function load(choice: { name: string } | { url: string }) {
  const imported: string[] = [];
  const importer: Importer = (target, who) => {
    imported.push(who.name);
    return importExport(target, who);
  };
  const loading = DriverManager.load<StorageDriver>({
    namespace: STORAGE_NAMESPACE,
    sources: [source],
    ...choice,
    args: ({ url }) => [{ url: url?.href ?? 'memory:' }],
    importer,
  });
  return { loading: loading.catch((e: unknown) => e), imported };
}

describe('an unknown driver name', () => {
  it('is a NoMatchingPluginError that lists the drivers and the closest one; nothing is imported', async () => {
    const { loading, imported } = load({ name: 'sqlit' });
    const error = await loading;
    expect(error).toBeInstanceOf(NoMatchingPluginError);
    expect(error).toMatchObject({
      namespace: STORAGE_NAMESPACE,
      plugin: 'sqlit',
      stage: 'enabling',
      closest: 'sqlite',
    });
    expect((error as NoMatchingPluginError).available).toEqual(expect.arrayContaining(DRIVERS));
    expect((error as Error).message).toContain('no plugin named "sqlit". Available: ');
    expect((error as Error).message).toContain('Did you mean "sqlite"?');
    expect(imported).toEqual([]);
  });

  it('a URL whose scheme names no driver is the same error, naming the scheme', async () => {
    const { loading, imported } = load({ url: 'mysql://db.example/meter' });
    const error = await loading;
    expect(error).toBeInstanceOf(NoMatchingPluginError);
    expect(error).toMatchObject({ plugin: 'mysql', namespace: STORAGE_NAMESPACE });
    expect((error as NoMatchingPluginError).available).toEqual(expect.arrayContaining(DRIVERS));
    expect(imported).toEqual([]);
  });
});

describe('a malformed storage URL', () => {
  it.each([
    ['', 'it is empty'],
    ['sqlite', 'it has no scheme'],
    [' memory:', 'it starts or ends with white space'],
    [':memory:', 'the scheme before ":" is empty'],
    ['1db:///var/meter.db', 'the scheme "1db" is not valid'],
    ['sqlite://db.example:99999/meter', 'is not a valid URL (check the host and port)'],
  ])('%j is an InvalidDriverUrlError saying %j; nothing is imported', async (url, problem) => {
    const { loading, imported } = load({ url });
    const error = await loading;
    expect(error).toBeInstanceOf(InvalidDriverUrlError);
    expect(error).toMatchObject({ namespace: STORAGE_NAMESPACE, stage: 'enabling' });
    expect((error as Error).message).toContain(problem);
    expect(imported).toEqual([]);
  });

  it('never prints the password it was given', async () => {
    const { loading } = load({ url: 'postgresql://meter:s3cret@db.example:99999/meter' });
    const error = (await loading) as InvalidDriverUrlError;
    expect(error).toBeInstanceOf(InvalidDriverUrlError);
    expect(error.message).toContain('postgresql://meter:***@db.example:99999/meter');
    expect(error.message).not.toContain('s3cret');
  });
});

describe('a URL the chosen driver cannot use', () => {
  it.each([
    ['sqlite://relative/meter.db', 'sqlite', '"relative" reads as a host name'],
    ['memory:elsewhere', 'memory', 'memory:'],
    ['jsonl:meter.jsonl', 'jsonl', 'the path must follow "//"'],
  ])(
    '%s: the driver refuses it when built, a PluginIntegrationError naming it',
    async (url, name, why) => {
      const { loading, imported } = load({ url });
      const error = await loading;
      expect(error).toBeInstanceOf(PluginIntegrationError);
      expect(error).toMatchObject({
        namespace: STORAGE_NAMESPACE,
        plugin: name,
        stage: 'integration',
      });
      expect((error as Error).cause).toBeInstanceOf(InvalidStorageUrlError);
      expect((error as Error).message).toContain(why);
      expect(imported).toEqual([name]);
    },
  );
});
