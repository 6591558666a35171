/**
 * Step 1 as text: one table per namespace, every plugin the host found with
 * its state, then the reason of each one that is not enabled — disabled by
 * which policy, or failed at which stage. This is the answer to "why is my
 * plugin not running?" for every plugin at once. Reasons are long sentences:
 * each gets a line of its own under the table rather than a narrow column.
 */
import { escapeText, type Palette, renderTable, stateText } from '@plugin-patterns/cli';
import { FAULTY } from './plugin-host.ts';
import { deliberateMark } from './render-format.ts';
import type { NamespaceStates } from './tour-result.ts';

export function renderDiscovered(
  namespaces: readonly NamespaceStates[],
  options: {
    palette: Palette;
    maxWidth?: number | undefined;
  },
): string {
  const c = options.palette;
  return namespaces
    .map((ns) => {
      const table = renderTable(
        [{ header: 'NAME' }, { header: 'STATE' }, { header: 'LOADED' }, { header: 'SOURCE' }],
        ns.plugins.map((p) => [
          c.bold(p.name),
          stateText(p, c),
          p.loaded ? 'yes' : 'no',
          escapeText(p.source),
        ]),
        { title: `${ns.namespace}  (${ns.pipeline})`, palette: c, maxWidth: options.maxWidth },
      );
      const reasons = ns.plugins
        .filter((p) => p.reason !== '')
        .map((p) => {
          // The faulty namespace fails on purpose; a disabled pollster is this machine's answer.
          const deliberate = ns.namespace === FAULTY;
          return `  ${c.bold(p.name)}${deliberateMark(deliberate, c)}: ${escapeText(p.reason)}`;
        });
      return reasons.length === 0 ? table : `${table}${reasons.join('\n')}\n`;
    })
    .join('\n');
}
