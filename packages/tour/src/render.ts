/**
 * The tour as text: the three steps in order, each under a heading that names
 * the essay's section and the docs page it shows, then what to try next.
 * Colour and width come from the caller (the CLI decides them from the
 * terminal), so the same result renders plain in a pipe and in colour on a
 * screen; every line fits the width (`layout.ts`).
 */
import type { Palette } from '@plugin-patterns/cli';
import { renderDiscoveryTable } from './discovery-table.ts';
import { renderEnablingTable } from './enabling-table.ts';
import { renderEnforcementTable } from './enforcement-table.ts';
import { renderInvocationTable } from './invocation-render.ts';
import { renderIsolation } from './isolation-section.ts';
import { fitText, layoutOf } from './layout.ts';
import { renderDiscovered } from './render-discovered.ts';
import { renderEndToEnd } from './render-end-to-end.ts';
import { heading, seeAlso } from './render-format.ts';
import type { TourResult } from './tour-result.ts';

export interface RenderOptions {
  readonly palette?: Palette;
  /** The width to fit (a terminal's); default 100 columns. */
  readonly maxWidth?: number | undefined;
  /** Wrap long lines instead of cutting them: every reason in full. */
  readonly verbose?: boolean | undefined;
}

export function renderTour(result: TourResult, options: RenderOptions = {}): string {
  const layout = layoutOf(options);
  const c = layout.palette;
  const faulty = new Set(
    result.discovered.find((ns) => ns.namespace === 'meter.faulty')?.plugins.map((p) => p.name),
  );
  const opts = { palette: c, maxWidth: layout.width, deliberate: faulty };
  const text = [
    heading('plugin-patterns tour: ceilometer in miniature', c.bold),
    INTRO,
    '',
    heading('1. What the host found', c.bold),
    seeAlso(
      'Discovery, Enabling, Importing',
      ['docs/discovery.md', 'docs/enabling.md', 'docs/importing.md'],
      c,
    ),
    renderDiscovered(result.discovered, opts),
    heading('2. End to end: notifications and polls into storage, totals read back', c.bold),
    seeAlso(
      'Requirements for Ceilometer; Invocation',
      ['docs/driver.md', 'docs/dispatch.md', 'docs/iterator.md'],
      c,
    ),
    renderEndToEnd(result.endToEnd, result.storage, { ...opts, bus: result.bus }),
    heading('3. Side by side: every approach of each stage, on the same plugins', c.bold),
    seeAlso('the six stages, one table each below', ['docs/index.md'], c),
    underTitle(
      renderDiscoveryTable(result.stages.discovery, opts),
      seeAlso('Discovery', ['docs/discovery.md'], c),
    ),
    underTitle(
      renderEnablingTable(result.stages.enabling, opts),
      seeAlso('Enabling', ['docs/enabling.md'], c),
    ),
    underTitle(
      renderEnforcementTable(result.stages.enforcement, opts),
      seeAlso('API enforcement', ['docs/enforcement.md'], c),
    ),
    underTitle(
      renderInvocationTable(result.stages.invocation, opts),
      seeAlso('Invocation: driver, dispatcher, iterator', ['docs/invocation.md'], c),
    ),
    heading('4. Isolation: where does the plugin run?', c.bold),
    seeAlso('beyond the essay: its seventh question', ['docs/isolation.md'], c),
    renderIsolation(result.isolation, c),
    heading('What to try next', c.bold),
    ...NEXT.map(([command, what]) => `  ${c.bold(command)}\n      ${what}`),
    '',
  ].join('\n');
  return fitText(text, layout);
}

/** A table's title line, then `line`, then the table. */
function underTitle(table: string, line: string): string {
  const [title = '', ...rest] = table.split('\n');
  return [title, line.trimEnd(), ...rest].join('\n');
}

const INTRO = [
  'The case study of Doug Hellmann\'s essay "Dynamic Code Patterns: Extending Your',
  'Applications with Plugins" (PyCon 2013), in miniature: storage drivers, notification',
  'handlers and pollsters, found, enabled, imported, integrated, checked and called.',
  'The meter.faulty plugins and a few events of the notification fixture fail on purpose:',
  'their failures are marked "deliberate". Long lines are cut: --verbose prints them whole.',
].join('\n');

const NEXT: readonly (readonly [string, string])[] = [
  [
    'pnpm plugin-patterns explain meter.pollster hypervisor --cwd packages/tour --trust-host',
    'the whole story of one plugin: which stage kept it, which one stopped it, and why',
  ],
  [
    'pnpm tour --verbose',
    'this tour with every reason in full (--json: the whole result, as data)',
  ],
  ['pnpm tour --storage memory:', 'another storage driver, chosen by the scheme of its URL'],
  [
    'docs/from-the-essay.md',
    'every section of the essay, and the page, source and example that teach it',
  ],
  ['docs/writing-a-plugin.md', 'write a plugin of your own, and hold it to its contract'],
];
