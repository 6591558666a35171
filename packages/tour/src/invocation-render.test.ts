import { createPalette } from '@plugin-patterns/cli';
import { describe, expect, it } from 'vitest';
import { renderInvocationTable } from './invocation-render.ts';

describe('renderInvocationTable: a plugin error message', () => {
  it('is printed escaped: a plugin cannot clear the screen or reorder the line', () => {
    const text = renderInvocationTable(
      [
        {
          pattern: 'iterator',
          input: '10 pollsters',
          calls: 10,
          results: '9 samples',
          contained: true,
          failures: [
            { plugin: 'throws', error: 'PluginCallError', message: 'boom\u001b[2J\u202egnp.exe' },
          ],
        },
      ],
      { palette: createPalette(false) },
    );
    expect(text).toContain('throws: PluginCallError: boom\\u001b[2J\\u202egnp.exe');
    expect(text.includes('\u001b') || text.includes('\u202e')).toBe(false);
  });
});
