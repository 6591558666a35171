import { Extension, PluginError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { createPalette } from './colour.ts';
import { shortReason, stateText } from './state-text.ts';

const plain = createPalette(false);
const record = () => Extension.preloaded('meter.pollster', 'cpu', { poll: () => [] });

describe('stateText', () => {
  it('says the state in one word, and the stage of a failure', () => {
    const failed = record();
    failed.fail(
      new PluginError('gone', { namespace: 'meter.pollster', name: 'cpu', stage: 'import' }),
    );
    expect(stateText(record().toJSON(), plain)).toBe('enabled');
    expect(stateText(failed.toJSON(), plain)).toBe('failed (import)');
  });
});

describe('shortReason: the reason without the state a STATE column already shows', () => {
  it('gives a disabled plugin the policy and its reason, without "disabled by"', () => {
    const disabled = record();
    disabled.disable('deny-list', 'listed in METER_DENY');
    expect(disabled.toJSON().reason).toBe('disabled by deny-list: listed in METER_DENY');
    expect(shortReason(disabled.toJSON())).toBe('deny-list: listed in METER_DENY');
  });

  it("gives a failed plugin its error's message without the [namespace:plugin] (stage) prefix", () => {
    const failed = record();
    // A message that itself looks like a prefix stays whole: nothing is parsed out of text.
    const detail = '[sic] (import) was written by the plugin';
    failed.fail(
      new PluginError(detail, { namespace: 'meter.pollster', name: 'cpu', stage: 'import' }),
    );
    expect(failed.toJSON().reason).toBe(`[meter.pollster:cpu] (import) ${detail}`);
    expect(shortReason(failed.toJSON())).toBe(detail);
  });

  it('is empty for a plugin that is running', () => {
    expect(shortReason(record().toJSON())).toBe('');
  });
});
