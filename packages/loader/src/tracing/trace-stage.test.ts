import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_SOURCE } from '../testing/fakes.ts';
import { type Recorder, recordEvents } from './test-events.ts';
import { traceDiscovery, traceStage } from './trace-stage.ts';

const cpu = { namespace: 'meter.pollster', name: 'cpu', source: FAKE_SOURCE };
let recorder: Recorder | undefined;
afterEach(() => recorder?.stop());

describe('traceStage', () => {
  it('runs the stage as it is when nobody listens: its own answer, no promise added', () => {
    const answer = Promise.resolve(1);
    expect(traceStage('import', cpu, 'importer', () => answer)).toBe(answer);
  });

  it('publishes a failing stage with its error, and rejects with it', async () => {
    recorder = recordEvents();
    const refused = new Error('does not meet the contract');
    await expect(
      traceStage('enforcement', cpu, 'convention', () => Promise.reject(refused)),
    ).rejects.toBe(refused);
    expect(recorder.events).toEqual([
      'start enforcement cpu',
      'end enforcement cpu',
      'error enforcement cpu',
      'asyncStart enforcement cpu',
      'asyncEnd enforcement cpu',
    ]);
    expect(recorder.contexts[0]).toMatchObject({
      stage: 'enforcement',
      by: 'convention',
      error: refused,
    });
  });
});

describe('traceDiscovery', () => {
  it('publishes discovery of a namespace, synchronously, with the count found', () => {
    recorder = recordEvents();
    const declarations = { found: [1, 2, 3] };
    expect(traceDiscovery('meter.pollster', [{ kind: 'package-scan' }], () => declarations)).toBe(
      declarations,
    );
    expect(recorder.events).toEqual([
      'start discovery meter.pollster',
      'end discovery meter.pollster',
    ]);
    expect(recorder.contexts[0]).toMatchObject({ found: 3, by: 'package-scan', plugin: undefined });
  });
});
