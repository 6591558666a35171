/**
 * The tour run for real, end to end, on the shared sample plugins. It is run
 * twice on the same storage, and the two results must be equal once the
 * documented normaliser has masked timings and the machine's readings; then
 * the facts the tour exists to show are checked one by one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPalette, stripAnsi } from '@plugin-patterns/cli';
import { HypervisorPollster, loadNotificationFixture } from '@plugin-patterns/sample-plugins';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseTour, renderTour, runTour, type TourResult } from '../src/index.ts';

const storage = `sqlite://${join(mkdtempSync(join(tmpdir(), 'pp-tour-test-')), 'meter.db')}`;
let first: TourResult;
let second: TourResult;

beforeAll(async () => {
  first = await runTour({ storage });
  second = await runTour({ storage });
}, 60_000);

function verdict(way: string, plugin: string) {
  const row = first.stages.enforcement.find((r) => r.way === way);
  return row?.verdicts.find((v) => v.plugin === plugin);
}

function states(result: TourResult, namespace: string) {
  const ns = result.discovered.find((n) => n.namespace === namespace);
  return new Map((ns?.plugins ?? []).map((p) => [p.name, p]));
}

describe('the tour is the same on every run', () => {
  it('gives equal results once timings and machine readings are masked', () => {
    expect(normaliseTour(second)).toEqual(normaliseTour(first));
  });

  it('renders the same text once normalised', () => {
    expect(renderTour(normaliseTour(second))).toBe(renderTour(normaliseTour(first)));
  });
});

describe('step 1: what the host found', () => {
  it('reports each faulty plugin that cannot load at its stage', () => {
    const faulty = states(first, 'meter.faulty');
    expect(faulty.get('import-fails')).toMatchObject({ status: 'failed', stage: 'import' });
    expect(faulty.get('import-fails')?.reason).toContain('the calibration table is missing');
    expect(faulty.get('breaks-contract')).toMatchObject({ status: 'failed', stage: 'enforcement' });
    expect(faulty.get('breaks-contract')?.reason).toContain('poll: missing');
    for (const name of ['throws', 'never-settles', 'wrong-shape', 'throws-non-error']) {
      expect(faulty.get(name)).toMatchObject({ status: 'enabled', loaded: true });
    }
  });

  it("disables the hypervisor pollster by its self-check, with the plugin's own reason", () => {
    const availability = new HypervisorPollster().checkAvailability();
    const hypervisor = states(first, 'meter.pollster').get('hypervisor');
    if (availability.available) {
      expect(hypervisor).toMatchObject({ status: 'enabled' });
    } else {
      expect(hypervisor).toMatchObject({ status: 'disabled', by: 'self-check' });
      expect(hypervisor?.reason).toBe(`self-check: ${availability.reason}`);
    }
  });

  it('finds the third-party pollster through the package scan, and imports one storage driver only', () => {
    expect(states(first, 'meter.pollster').get('uptime')?.source).toBe('@acme/meter-uptime@1.0.0');
    const loaded = [...states(first, 'meter.storage').values()].filter((p) => p.loaded);
    expect(loaded.map((p) => p.name)).toEqual(['sqlite']);
  });
});

describe('step 2: end to end', () => {
  it('routes the whole fixture and accounts for every event', () => {
    const fixture = loadNotificationFixture();
    const n = first.endToEnd.notifications;
    expect(n.events).toBe(fixture.notifications.length);
    expect(n.routed + n.unrouted + n.malformed).toBe(n.events);
    expect(n.failed).toBe(fixture.defects.filter((d) => d.kind === 'missing-payload-field').length);
    expect(n.problems).toHaveLength(n.unrouted + n.malformed + n.failed);
  });

  it('reads back from the storage exactly the totals it wrote', () => {
    expect(first.endToEnd.readBack).toEqual(first.endToEnd.writtenTotals);
    expect(second.endToEnd.readBack).toEqual(second.endToEnd.writtenTotals);
    const written = first.endToEnd.written.samples;
    expect(first.endToEnd.readBack.reduce((sum, t) => sum + t.count, 0)).toBe(written);
  });

  it('stores the sample counts the fixture promises for the notifications', () => {
    const fixture = loadNotificationFixture();
    const counts = Object.fromEntries(
      first.endToEnd.readBack
        .filter((t) => t.origin === 'notification')
        .map((t) => [t.meter, t.count]),
    );
    expect(counts).toEqual(fixture.expectedSampleCounts);
  });

  it('polls the available pollsters for every cycle without a failure', () => {
    const p = first.endToEnd.polling;
    expect(p.cycles).toBe(3);
    expect(p.failures).toEqual([]);
    expect(p.pollsters).toContain('uptime');
    expect(p.pollsters).not.toContain('hypervisor');
  });
});

describe('step 3: side by side', () => {
  it('finds the pollsters with every discovery approach; the warm scan answers from its cache', () => {
    const rows = new Map(first.stages.discovery.map((r) => [r.approach, r]));
    expect(rows.get('reference list')?.found).toEqual(['cpu', 'memory', 'uptime']);
    expect(rows.get('file list')?.found).toEqual(['cpu', 'memory', 'uptime']);
    expect(rows.get('package scan (cold)')?.found).toContain('hypervisor');
    expect(rows.get('package scan (warm)')?.note).toContain('from the cache');
    expect(rows.get('directory scan')?.found).toEqual([
      'cpu-count',
      'load-average',
      'process-memory',
    ]);
  });

  it('says why each policy leaves plugins out, and names misspelt list entries', () => {
    const rows = new Map(first.stages.enabling.map((r) => [r.policy, r]));
    expect(rows.get('allow-list')?.enabled).toEqual(['cpu', 'memory']);
    expect(rows.get('allow-list')?.unmatched[0]).toContain('did you mean "uptime"?');
    expect(rows.get('deny-list')?.disabled).toEqual([{ name: 'disk', reason: 'in the deny list' }]);
    expect(rows.get('first-party only')?.disabled.map((d) => d.name)).toEqual(['uptime']);
  });

  it('catches each faulty plugin at the right stage, each way; only the class check refuses uptime', () => {
    for (const way of ['convention', 'abstract class', 'Standard Schema']) {
      expect(verdict(way, 'import-fails')?.caughtAt).toBe('import');
      expect(verdict(way, 'breaks-contract')?.caughtAt).toBe('enforcement');
      expect(verdict(way, 'throws')?.outcome).toBe('passed');
      expect(verdict(way, 'cpu')?.outcome).toBe('passed');
      expect(verdict(way, 'uptime')?.outcome).toBe(way === 'abstract class' ? 'caught' : 'passed');
    }
    const guard = (plugin: string) => verdict('call guard', plugin);
    expect(guard('import-fails')?.outcome).toBe('not reached');
    expect(guard('throws')?.detail).toMatch(/^PluginCallError: call to poll\(\) failed/);
    expect(guard('never-settles')?.detail).toMatch(/^PluginTimeoutError/);
    expect(guard('wrong-shape')?.detail).toMatch(/^PluginResultError/);
    expect(guard('throws-non-error')?.detail).toContain('sensor offline');
    expect(guard('cpu')?.outcome).toBe('passed');
    expect(guard('uptime')?.outcome).toBe('passed');
  });

  it('contains every failure in every invocation pattern', () => {
    const rows = first.stages.invocation;
    expect(rows.every((r) => r.contained)).toBe(true);
    const map = rows.find((r) => r.input.startsWith('map:'));
    expect(map?.failures.map((f) => f.plugin)).toEqual([
      'throws',
      'never-settles',
      'wrong-shape',
      'throws-non-error',
    ]);
    const first_ = rows.find((r) => r.input.startsWith('first:'));
    expect(first_?.results).toContain('answered by uptime');
    expect(rows.filter((r) => r.pattern === 'driver').map((r) => r.calls)).toEqual([1, 1]);
  });
});

describe('step 4: isolation', () => {
  const row = (plugin: string) => first.isolation.rows.find((r) => r.plugin === plugin);

  it('shows what the host process does not survive, and the worker and the child do', () => {
    expect(row('loops-forever')).toEqual({
      plugin: 'loops-forever',
      inProcess: 'host hung; tour killed it',
      worker: `stopped at ${first.isolation.timeoutMs} ms`,
      child: `stopped at ${first.isolation.timeoutMs} ms`,
    });
    expect(row('exits')?.inProcess).toBe('host exited (code 3)');
    expect(row('throws-later')?.worker).toBe('answered; died: uncaught');
    expect(row('rejects-unhandled')?.child).toBe('answered; died: rejection');
    expect(row('pollutes-prototype')).toMatchObject({
      inProcess: "host's globals polluted",
      worker: 'answered',
    });
    expect(row('eats-memory')).toMatchObject({
      inProcess: 'host out of memory',
      child: `out of memory (${first.isolation.memoryMb} MB)`,
    });
  });

  it('refuses the secret to the child only, and the honest plugin answers to the end', () => {
    expect(row('reads-secrets')).toMatchObject({
      worker: "read the host's secret",
      child: 'refused: no permission',
    });
    expect(first.isolation.afterwards).toEqual({ worker: true, child: true });
  });

  it('fits 100 columns', () => {
    const section = renderTour(first).split('4. Isolation')[1] ?? '';
    expect(section).toContain('in a child process');
    for (const line of section.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('rendering', () => {
  it('prints every step and every stage table, plain unless given colour', () => {
    const plain = renderTour(first);
    for (const title of [
      '1. What the host found',
      '2. End to end',
      '3. Side by side',
      'Discovery: finding the meter.pollster plugins',
      'Enabling: which of the meter.pollster plugins run',
      'Enforcement: where each faulty plugin is stopped',
      'Invocation: driver, dispatcher, iterator',
      'Every total read back equals what was written.',
    ]) {
      expect(plain).toContain(title);
    }
    expect(plain).not.toContain('\u001b[');
    const coloured = renderTour(first, { palette: createPalette(true) });
    expect(coloured).toContain('\u001b[');
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('names the storage file it wrote to', () => {
    expect(first.storage.file).toBe(storage.replace('sqlite://', ''));
    expect(renderTour(first, { verbose: true })).toContain(`file: ${first.storage.file}`);
  });

  it('fits 100 columns by default, and the width it is given', () => {
    for (const width of [undefined, 100, 80]) {
      const lines = renderTour(first, { maxWidth: width }).split('\n');
      const widest = Math.max(...lines.map((line) => [...line].length));
      expect(widest).toBeLessThanOrEqual(width ?? 100);
    }
  });

  it('cuts long lines by default and wraps them whole with verbose', () => {
    const reason = states(first, 'meter.faulty').get('import-fails')?.reason ?? '';
    expect(reason.length).toBeGreaterThan(100);
    const cut = renderTour(first);
    expect(cut).toContain('…');
    expect(cut).not.toContain(reason.slice(-30));
    const whole = renderTour(first, { verbose: true });
    expect(whole).not.toContain('…');
    expect(whole.replace(/\n\s+/g, ' ')).toContain(reason);
    const widest = Math.max(...whole.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it("names, for each section, the essay's section and the docs page it shows", () => {
    const text = renderTour(first, { verbose: true });
    const sections = text.split(/\n(?=\d\. |Discovery: |Enabling: |Enforcement: |Invocation: )/);
    expect(sections.length).toBeGreaterThanOrEqual(9);
    const unnamed = sections
      .slice(1)
      .filter((section) => !/Essay: [^\n]*Read: docs\/[a-z-]+\.md/.test(section))
      .map((section) => section.split('\n')[0]);
    expect(unnamed).toEqual([]);
  });

  it('marks every deliberate failure as deliberate, and no plugin that failed by chance', () => {
    const text = renderTour(first, { verbose: true });
    for (const name of ['import-fails', 'breaks-contract', 'throws', 'never-settles']) {
      expect(text).toContain(`${name} (deliberate)`);
    }
    expect(text).not.toContain('hypervisor (deliberate)');
    expect(text).not.toContain('uptime (deliberate)');
    const problems = first.endToEnd.notifications.problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.deliberate === true)).toBe(true);
  });

  it('gives every total its unit, and every count its noun', () => {
    const units = new Map(first.endToEnd.readBack.map((t) => [t.meter, t.unit]));
    expect(units.get('cpu.util')).toBe('%');
    expect(units.get('image.size')).toBe('B');
    expect(units.get('vcpus')).toBe('vcpu');
    const text = renderTour(first);
    expect(text).toMatch(/cpu\.util\s+pollster\s+3 samples\s+\S+\s+%\s+yes/);
    expect(text).toMatch(/Written: \d+ samples in \d+ batches/);
  });

  it('ends by saying what to try next', () => {
    const text = renderTour(first).trimEnd();
    const next = text.slice(text.lastIndexOf('What to try next'));
    expect(next).toContain('plugin-patterns explain');
    expect(next).toContain('--verbose');
    expect(next).toContain('docs/from-the-essay.md');
  });
});
