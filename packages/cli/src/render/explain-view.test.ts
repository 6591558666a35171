import { DiscoveryError, type Extension, ExtensionSet } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { explained } from './explain-view.ts';

describe('explained: where a plugin was declared', () => {
  it('names a refused declaration with no package by where it was read, and the source that read it', () => {
    const set = ExtensionSet.discover({
      namespace: 'meter.storage',
      sources: [
        {
          kind: 'reference-list',
          discover: () => ({
            entryPoints: [],
            problems: [
              {
                namespace: 'meter.storage',
                name: 'sqlite',
                origin: 'reference list, plugin "sqlite"',
                reference: 'sqlite-drvier:Sqlite',
                error: new DiscoveryError('package "sqlite-drvier" is not installed', {
                  namespace: 'meter.storage',
                  name: 'sqlite',
                }),
              },
            ],
          }),
        },
      ],
    });
    const view = explained(set.named('sqlite')[0] as Extension<unknown>);
    expect(view.declaredIn).toBe('reference list, plugin "sqlite"');
    expect(view.via).toBe('reference-list');
    expect(view.manifest).toBeUndefined();
  });
});
