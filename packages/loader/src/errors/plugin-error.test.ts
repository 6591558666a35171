import { describe, expect, it } from 'vitest';
import { describeThrown, MAX_THROWN_MESSAGE_LENGTH, PluginError } from './plugin-error.ts';

describe('describeThrown caps what a plugin threw', () => {
  it('cuts a huge Error message to the cap, and says how much was left out', () => {
    const text = describeThrown(new Error('x'.repeat(5_000_000)));
    expect(text.length).toBeLessThan(MAX_THROWN_MESSAGE_LENGTH + 60);
    expect(text).toMatch(/… \(4,99\d,\d{3} more characters\)$/);
  });

  it('caps a thrown string and a huge non-Error value the same way', () => {
    expect(describeThrown('y'.repeat(100_000)).length).toBeLessThan(MAX_THROWN_MESSAGE_LENGTH + 60);
    const big = { data: 'z'.repeat(100_000) };
    expect(describeThrown(big).length).toBeLessThan(MAX_THROWN_MESSAGE_LENGTH + 60);
  });

  it('leaves a message under the cap as it is', () => {
    expect(describeThrown(new Error('sensor offline'))).toBe('sensor offline');
  });

  it('caps the message of a PluginError built from a plugin’s words', () => {
    const error = new PluginError(describeThrown(new Error('w'.repeat(1_000_000))), {
      namespace: 'meter.pollster',
      name: 'cpu',
      stage: 'invocation',
    });
    expect(error.message.length).toBeLessThan(MAX_THROWN_MESSAGE_LENGTH + 120);
  });
});
