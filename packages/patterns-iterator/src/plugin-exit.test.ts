import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ITERATOR = fileURLToPath(new URL('..', import.meta.url));

/**
 * A host script, run in a child process from the iterator's folder (so that
 * it imports the packages by name), over the plugins `plugins` (JavaScript
 * source of an object literal: name to plugin object, in call order); `run`
 * is what the host does with `manager`. The host prints a line when it gets
 * past `run`, which a plugin that ends the process never lets it do.
 */
function host(plugins: string, run: string) {
  const script = `
    import { ExtensionSet } from '@plugin-patterns/loader';
    import { IteratorManager, Poller } from '@plugin-patterns/iterator';
    const set = ExtensionSet.fromObjects('meter.pollster', ${plugins});
    const manager = await new IteratorManager(set).load();
    ${run}
    console.log('the host carried on');
  `;
  const child = spawnSync(
    process.execPath,
    ['--conditions=@plugin-patterns/source', '--input-type=module', '-e', script],
    { cwd: ITERATOR, encoding: 'utf8' },
  );
  return { code: child.status, out: child.stdout, err: child.stderr };
}

const QUITTER = '{ quitter: { poll() { process.exit(0); }, step() { process.exit(0); } } }';
/** An async plugin first (with no answer, for first), so that the async half of a run calls the quitter. */
const AFTER_AN_ASYNC_ONE = `{
  slow: { async poll() { return undefined; }, async step(v) { return v; } },
  quitter: { poll() { process.exit(0); }, step() { process.exit(0); } },
}`;

describe('an iterator plugin that ends the process is named, and the exit is not a success', () => {
  it('names a plugin calling process.exit(0) in a map', () => {
    const run = host(QUITTER, 'manager.map((p) => p.poll());');
    expect(run.out).not.toContain('the host carried on');
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (called)');
    expect(run.err).toContain('process.exit(0)');
  });

  it('names it in first and pipeline, and with the method when the run names one', () => {
    for (const run of [
      host(QUITTER, 'manager.first((p) => p.poll());'),
      host(QUITTER, 'manager.pipeline(0, (p, v) => p.step(v));'),
    ]) {
      expect([run.code, run.out]).toEqual([1, '']);
      expect(run.err).toContain('meter.pollster:quitter (called)');
    }
    const named = host(QUITTER, "manager.map((p) => p.poll(), { method: 'poll' });");
    expect(named.code).toBe(1);
    expect(named.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('names it in the async half of a run, after another plugin answered with a promise', () => {
    for (const run of [
      host(AFTER_AN_ASYNC_ONE, 'await manager.map((p) => p.poll());'),
      host(AFTER_AN_ASYNC_ONE, 'await manager.first((p) => p.poll());'),
      host(AFTER_AN_ASYNC_ONE, 'await manager.pipeline(0, (p, v) => p.step(v));'),
    ]) {
      expect([run.code, run.out]).toEqual([1, '']);
      expect(run.err).toContain('meter.pollster:quitter (called)');
      expect(run.err).not.toContain('meter.pollster:slow');
    }
  });

  it('names it in parallel, and a pollster in a poller cycle', () => {
    const parallel = host(AFTER_AN_ASYNC_ONE, 'await manager.parallel((p) => p.poll());');
    expect(parallel.code).toBe(1);
    expect(parallel.err).toContain('meter.pollster:quitter (called)');
    const poller = host(
      QUITTER,
      'await new Poller(manager, { sink: { write() {} }, intervalMs: 1000 }).runCycle();',
    );
    expect(poller.code).toBe(1);
    expect(poller.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('keeps the plugin’s own non-zero exit code', () => {
    const run = host(
      '{ quitter: { poll() { process.exit(7); } } }',
      'manager.map((p) => p.poll());',
    );
    expect(run.code).toBe(7);
    expect(run.err).toContain('meter.pollster:quitter');
  });
});

describe('no plugin is blamed for an exit of the host’s own', () => {
  it('after a run that returned, sync or async', () => {
    for (const run of [
      host('{ fine: { poll() { return 1; } } }', 'manager.map((p) => p.poll()); process.exit(0);'),
      host(
        AFTER_AN_ASYNC_ONE.replace('process.exit(0)', '2'),
        'await manager.map((p) => p.poll()); process.exit(0);',
      ),
      host(
        '{ slow: { async poll() { return 1; } } }',
        'await manager.map((p) => p.poll()); await manager.first((p) => p.poll()); process.exit(0);',
      ),
    ]) {
      expect([run.code, run.err]).toEqual([0, '']);
    }
  });

  it('after a run that raised a plugin’s failure, which the host caught', () => {
    const run = host(
      '{ broken: { poll() { throw new Error("no"); } } }',
      `try { manager.map((p) => p.poll(), { onError: 'raise' }); } catch {}
       try { await manager.pipeline(0, (p) => p.poll(), { onError: 'raise' }); } catch {}
       process.exit(0);`,
    );
    expect([run.code, run.err]).toEqual([0, '']);
  });

  it('while a run waits for a plugin’s promise: the host’s own code runs then, not the plugin’s', () => {
    const run = host(
      '{ waiting: { poll() { return new Promise((resolve) => setTimeout(resolve, 2000)); } } }',
      `setTimeout(() => process.exit(0), 20);
       await manager.map((p) => p.poll());`,
    );
    expect([run.code, run.err]).toEqual([0, '']);
  });
});
