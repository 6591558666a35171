import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_SOURCE } from '../testing/fakes.ts';
import { callChannel, loadChannel } from './channels.ts';
import { intercept, type StepEnd, type TracedStep } from './intercept.ts';
import { traced } from './trace-call.ts';
import { traceDiscovery, traceStage } from './trace-stage.ts';

const cpu = { namespace: 'meter.pollster', name: 'cpu', source: FAKE_SOURCE };
const disk = { namespace: 'meter.storage', name: 'disk', source: FAKE_SOURCE };
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function watch(filter = {}): { started: TracedStep[]; ended: [TracedStep, StepEnd][] } {
  const started: TracedStep[] = [];
  const ended: [TracedStep, StepEnd][] = [];
  stops.push(
    intercept(
      {
        start: (step) => started.push(step),
        end: (step, end) => ended.push([step, end]),
      },
      filter,
    ),
  );
  return { started, ended };
}

describe('intercept: plugin calls', () => {
  it('sees a call start and end, with its time and outcome', () => {
    const { started, ended } = watch();
    traced('iterator', cpu, () => 1)(undefined);
    expect(started).toEqual([
      {
        kind: 'call',
        namespace: 'meter.pollster',
        plugin: 'cpu',
        source: FAKE_SOURCE,
        pattern: 'iterator',
        args: [],
      },
    ]);
    expect(ended).toHaveLength(1);
    const [step, end] = ended[0] as [TracedStep, StepEnd];
    expect(step).toBe(started[0]);
    expect(end).toMatchObject({ ok: true, async: false });
    expect(end.durationMs).toBeGreaterThanOrEqual(0);
    expect(end).not.toHaveProperty('error');
  });

  it('ends a promised call when it settles, with its error if it rejected', async () => {
    const { ended } = watch();
    const boom = new Error('boom');
    const answer = traced('dispatch', cpu, () => Promise.reject(boom))(undefined);
    expect(ended).toHaveLength(0);
    await expect(answer).rejects.toBe(boom);
    expect(ended[0]?.[1]).toMatchObject({ ok: false, async: true, error: boom });
  });

  it('keeps to one namespace when asked, and can leave stages out', () => {
    const { ended } = watch({ namespace: 'meter.storage', stages: false });
    traced('iterator', cpu, () => 1)(undefined);
    traced('driver', disk, () => 2)(undefined);
    traceStage('import', disk, 'importer', () => 3);
    expect(ended.map(([step]) => step.kind === 'call' && step.plugin)).toEqual(['disk']);
  });

  it('stops watching, and leaves no subscriber behind', () => {
    const { ended } = watch();
    (stops.pop() as () => void)();
    traced('iterator', cpu, () => 1)(undefined);
    expect(ended).toEqual([]);
    expect(callChannel.hasSubscribers).toBe(false);
    expect(loadChannel.hasSubscribers).toBe(false);
  });
});

describe('intercept: loading stages', () => {
  it('sees a stage of one plugin, and discovery with what it found', async () => {
    const { ended } = watch({ calls: false });
    traceDiscovery('meter.pollster', [{ kind: 'package-scan' }, { kind: 'file-list' }], () => ({
      found: ['a', 'b'],
    }));
    await traceStage('import', cpu, 'importer', async () => ({}));
    expect(ended.map(([step, end]) => [step, end.found, end.async])).toEqual([
      [
        {
          kind: 'stage',
          stage: 'discovery',
          namespace: 'meter.pollster',
          plugin: undefined,
          source: undefined,
          by: 'package-scan, file-list',
        },
        2,
        false,
      ],
      [
        {
          kind: 'stage',
          stage: 'import',
          namespace: 'meter.pollster',
          plugin: 'cpu',
          source: FAKE_SOURCE,
          by: 'importer',
        },
        undefined,
        true,
      ],
    ]);
  });
});
