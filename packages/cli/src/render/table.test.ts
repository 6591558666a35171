import { describe, expect, it } from 'vitest';
import { createPalette, stripAnsi } from './colour.ts';
import { renderTable, wrapWords } from './table.ts';

const columns = [
  { header: 'NAME' },
  { header: 'COUNT', align: 'right' as const },
  { header: 'NOTE' },
];

describe('renderTable', () => {
  it('pads each column to its widest cell and trims trailing blanks', () => {
    const text = renderTable(columns, [
      ['cpu', '3', 'fine'],
      ['memory.usage', '12', ''],
    ]);
    expect(text).toBe(
      ['NAME          COUNT  NOTE', 'cpu               3  fine', 'memory.usage     12', ''].join(
        '\n',
      ),
    );
  });

  it('prints the title and the empty text when there are no rows', () => {
    expect(renderTable(columns, [], { title: 'Pollsters', empty: 'nothing' })).toBe(
      'Pollsters\n  nothing\n',
    );
  });

  it('lines up coloured cells as if they were plain', () => {
    const c = createPalette(true);
    const coloured = renderTable(
      columns,
      [
        [c.green('cpu'), '3', 'x'],
        ['disk', '10', 'y'],
      ],
      {
        palette: c,
      },
    );
    const plain = renderTable(columns, [
      ['cpu', '3', 'x'],
      ['disk', '10', 'y'],
    ]);
    expect(coloured).not.toBe(plain);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('wraps the last column under itself when a width is given', () => {
    const note = 'one two three four five six seven eight nine ten eleven twelve';
    const text = renderTable(columns, [['cpu', '3', note]], { maxWidth: 40 });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    const indent = lines[0]?.indexOf('NOTE') ?? -1;
    expect(indent).toBeGreaterThan(0);
    expect(lines[2]?.slice(0, indent).trim()).toBe('');
    expect(
      lines
        .slice(1)
        .map((l) => l.slice(indent))
        .join(' '),
    ).toBe(note);
  });

  it('does not wrap when the room left for the last column is too narrow', () => {
    const text = renderTable(columns, [['a-very-long-plugin-name', '3', 'a b c d e f g h']], {
      maxWidth: 30,
    });
    expect(text.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('wrapWords', () => {
  it('keeps a word longer than the width on a line of its own', () => {
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
  });
});
