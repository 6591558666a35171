/**
 * The iterator pattern against a host's configuration mistakes: a namespace
 * with no plugins, and an allow list whose names match none. By default an
 * empty run is the empty result (an optional namespace with nothing installed
 * yet is normal); with `onEmpty: 'error'` it is an EmptyNamespaceError that
 * names the namespace and says, for each plugin found, why it is not running.
 * A name the allow list cannot match is kept on the set with the closest name.
 *
 * The plugins are the sample pollsters, found by a scan of this package's
 * installed (dev) dependencies.
 */
import { fileURLToPath } from 'node:url';
import {
  allowList,
  construct,
  type EnablingPolicy,
  ExtensionSet,
  packageScan,
} from '@plugin-patterns/loader';
import { POLLSTER_NAMESPACE, type Pollster } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { EmptyNamespaceError, IteratorManager } from '../../src/index.ts';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const source = packageScan({ cwd: packageRoot, include: ['devDependencies'], cache: false });
const poll = (pollster: Pollster) => pollster.poll();

function pollsters(namespace: string, policies: readonly EnablingPolicy[] = []) {
  return ExtensionSet.discover<Pollster>({
    namespace,
    sources: [source],
    integration: construct(),
    policies,
  });
}

describe('a namespace with no plugins', () => {
  const EMPTY = 'meter.polster'; // a typo: nothing declares it

  it('by default, a run is the empty result', async () => {
    const manager = await new IteratorManager(pollsters(EMPTY)).load();
    expect(await manager.map(poll)).toEqual({ values: [], from: [], failures: [] });
  });

  it('with onEmpty "error", an EmptyNamespaceError naming the namespace: none was found', async () => {
    const manager = await new IteratorManager(pollsters(EMPTY), { onEmpty: 'error' }).load();
    let error: unknown;
    try {
      await manager.map(poll);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(EmptyNamespaceError);
    expect(error).toMatchObject({ namespace: EMPTY, stage: 'enabling', reasons: [] });
    expect((error as Error).message).toBe(
      `[${EMPTY}] (enabling) no enabled plugin to call (none was found)`,
    );
  });
});

describe('an allow list that matches no plugin', () => {
  it('keeps the unmatched name with the closest one, and the empty run says why each plugin is off', async () => {
    const set = pollsters(POLLSTER_NAMESPACE, [allowList(['cpuu'])]);
    expect(set.unmatched).toEqual([{ policy: 'allow-list', name: 'cpuu', closest: 'cpu' }]);
    const manager = await new IteratorManager(set, { onEmpty: 'error' }).load();
    let error: unknown;
    try {
      await manager.parallel(poll);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(EmptyNamespaceError);
    const reasons = (error as EmptyNamespaceError).reasons;
    expect(reasons).toHaveLength(set.extensions.length);
    expect(reasons).toContain('cpu disabled by allow-list: not in the allow list');
    expect((error as Error).message).toContain(`found ${reasons.length}: `);
  });
});
