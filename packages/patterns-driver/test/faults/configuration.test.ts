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
  NoMatchingPluginError,
  PluginIntegrationError,
  packageScan,
} from '@plugin-patterns/loader';
import { type Importer, importExport } from '@plugin-patterns/loader/importing';
import {
  InvalidStorageUrlError,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverManager, InvalidDriverUrlError, parseDriverUrl } from '../../src/index.ts';

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

  it.each([
    ['postgresql//meter:s3cret@db.example/meter', 'postgresql//meter:***@db.example/meter'],
    ['postgres ql://meter:s3cret@db.example/meter', 'postgres ql://meter:***@db.example/meter'],
  ])('a mistyped scheme does not print the password either: %s', async (url, shown) => {
    const { loading } = load({ url });
    const error = (await loading) as InvalidDriverUrlError;
    expect(error).toBeInstanceOf(InvalidDriverUrlError);
    expect(error.url).toBe(shown);
    expect(error.message).not.toContain('s3cret');
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

describe('any string as a driver URL (property-based)', () => {
  const password = 's3cret-pw';
  const url = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .tuple(
        fc.constantFrom(
          'sqlite',
          'postgresql',
          'memory',
          'jsonl',
          'SQLite',
          '1db',
          'a+b',
          '',
          'post gres',
        ),
        fc.constantFrom(':', '://', ':///', '//'),
        fc.constantFrom('', `user:${password}@`, `:${password}@`, 'user@'),
        fc.constantFrom('db.example', 'db.example:5432', 'db.example:99999', '[::1', '', '%zz'),
        fc.constantFrom('', '/meter', '/var/lib/meter.db', '?x=1', '#f', ' '),
      )
      .map((parts) => parts.join('')),
  );

  /** The URL's password as the WHATWG parser reads it (`scheme://user:password@host`). */
  const passwordOf = (text: string): string =>
    URL.canParse(text)
      ? decodeURIComponent(new URL(text).password)
      : // Not a URL, but written like one: `…//user:password@…` (two slashes, not three).
        new RegExp(`(^|[^/])//(user)?:${password}@`).test(text)
        ? password
        : '';

  it('is parsed, or refused with an InvalidDriverUrlError that never shows the password', () => {
    fc.assert(
      fc.property(url, (text) => {
        const secret = passwordOf(text);
        let parsed: ReturnType<typeof parseDriverUrl> | undefined;
        try {
          parsed = parseDriverUrl(text, { namespace: STORAGE_NAMESPACE });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidDriverUrlError);
          if (secret !== '') expect((error as Error).message).not.toContain(secret);
          expect((error as InvalidDriverUrlError).namespace).toBe(STORAGE_NAMESPACE);
          return;
        }
        expect(parsed.href).toBe(text);
        expect(parsed.scheme).toBe(parsed.scheme.toLowerCase());
        expect(text.toLowerCase().startsWith(`${parsed.scheme}:`)).toBe(true);
        if (secret !== '') expect(parsed.redacted).not.toContain(secret);
      }),
      { numRuns: 1000 },
    );
  });
});
