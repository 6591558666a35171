// The package's entry points, checked the way a host's discovery will read
// them: every reference names a module the package exports, with the source,
// types and default conditions in the house layout, mirrored for publishing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
type Conditions = Record<string, string>;
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  files: string[];
  exports: Record<string, Conditions | string>;
  publishConfig: { exports: Record<string, Conditions | string> };
  entryPoints: Record<string, Record<string, string>>;
};

const entryPoints = Object.entries(manifest.entryPoints).flatMap(([namespace, plugins]) =>
  Object.entries(plugins).map(([name, reference]) => {
    const [module = '', exportName = 'default'] = reference.split(':');
    return { namespace, name, reference, module, exportName };
  }),
);

describe('entryPoints', () => {
  it('declares the ceilometer plugins and the faulty ones', () => {
    const names = Object.fromEntries(
      Object.entries(manifest.entryPoints).map(([ns, plugins]) => [ns, Object.keys(plugins)]),
    );
    expect(names).toEqual({
      'meter.storage': ['memory', 'sqlite', 'jsonl'],
      'meter.transport': ['fixture', 'memory'],
      'meter.notification': ['compute', 'volume', 'image'],
      'meter.pollster': ['cpu', 'memory', 'disk', 'network', 'hypervisor'],
      'meter.faulty': [
        'import-fails',
        'breaks-contract',
        'throws',
        'never-settles',
        'wrong-shape',
        'throws-non-error',
      ],
    });
  });

  it.each(entryPoints)('$namespace/$name names an exported module ($reference)', (entry) => {
    const conditions = manifest.exports[entry.module] as Conditions;
    const file = entry.module.slice(2);
    expect(conditions).toEqual({
      '@plugin-patterns/source': `./src/${file}.ts`,
      types: `./dist/${file}.d.ts`,
      default: `./dist/${file}.js`,
    });
    expect(existsSync(fileURLToPath(new URL(`src/${file}.ts`, root)))).toBe(true);
  });

  it.each(entryPoints.filter((e) => e.name !== 'import-fails'))(
    '$namespace/$name exports the class $exportName',
    async (entry) => {
      const source = (manifest.exports[entry.module] as Conditions)['@plugin-patterns/source'];
      const module = (await import(new URL(source ?? '', root).href)) as Record<string, unknown>;
      expect(typeof module[entry.exportName]).toBe('function');
    },
  );
});

describe('exports', () => {
  it('are mirrored for publishing, without the source condition', () => {
    const withoutSource = Object.fromEntries(
      Object.entries(manifest.exports).map(([path, target]) => {
        if (typeof target === 'string') return [path, target];
        const { '@plugin-patterns/source': _source, ...published } = target;
        return [path, published];
      }),
    );
    expect(manifest.publishConfig.exports).toEqual(withoutSource);
  });

  it('ship the fixtures and collectors folders the helpers read from', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['fixtures', 'collectors']));
    expect(manifest.exports['./fixtures/notifications.json']).toBe('./fixtures/notifications.json');
    expect(Object.keys(manifest.exports)).toEqual(
      expect.arrayContaining(['./fixtures', './collectors']),
    );
  });
});
