/**
 * The tour as text: the three steps in order, each under a heading. Colour
 * and width come from the caller (the CLI decides them from the terminal),
 * so the same result renders plain in a pipe and in colour on a screen.
 */
import { createPalette, type Palette } from '@plugin-patterns/cli';
import { renderDiscoveryTable } from './discovery-table.ts';
import { renderEnablingTable } from './enabling-table.ts';
import { renderEnforcementTable } from './enforcement-table.ts';
import { renderInvocationTable } from './invocation-render.ts';
import { renderIsolation } from './isolation-section.ts';
import { renderIsolation } from './isolation-section.ts';
import { renderDiscovered } from './render-discovered.ts';
import { renderEndToEnd } from './render-end-to-end.ts';
import { heading } from './render-format.ts';
import type { TourResult } from './tour-result.ts';

export interface RenderOptions {
  readonly palette?: Palette;
  readonly maxWidth?: number | undefined;
}

export function renderTour(result: TourResult, options: RenderOptions = {}): string {
  const palette = options.palette ?? createPalette(false);
  const opts = { palette, maxWidth: options.maxWidth };
  return [
    heading('plugin-patterns tour: ceilometer in miniature', palette.bold),
    heading('1. What the host found', palette.bold),
    renderDiscovered(result.discovered, opts),
    heading('2. End to end: notifications and polls into storage, totals read back', palette.bold),
    renderEndToEnd(result.endToEnd, result.storage, opts),
    heading('3. Side by side: every approach of each stage, on the same plugins', palette.bold),
    renderDiscoveryTable(result.stages.discovery, opts),
    renderEnablingTable(result.stages.enabling, opts),
    renderEnforcementTable(result.stages.enforcement, opts),
    renderInvocationTable(result.stages.invocation, opts),
    heading('4. Isolation: where does the plugin run?', palette.bold),
    renderIsolation(result.isolation, palette),
    heading('4. Isolation: where does the plugin run?', palette.bold),
    renderIsolation(result.isolation, palette),
  ].join('\n');
}
