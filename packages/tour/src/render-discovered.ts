/**
 * Step 1 as text: one table per namespace, every plugin the host found with
 * its state and the reason for it — enabled, disabled by which policy, or
 * failed at which stage. This is the answer to "why is my plugin not running?"
 * for every plugin at once.
 */
import { type Palette, renderTable, stateText } from '@plugin-patterns/cli';
import type { NamespaceStates } from './tour-result.ts';

export function renderDiscovered(
  namespaces: readonly NamespaceStates[],
  options: { palette: Palette; maxWidth?: number | undefined },
): string {
  const c = options.palette;
  return namespaces
    .map((ns) =>
      renderTable(
        [
          { header: 'NAME' },
          { header: 'STATE' },
          { header: 'LOADED' },
          { header: 'SOURCE' },
          { header: 'REASON' },
        ],
        ns.plugins.map((p) => [
          c.bold(p.name),
          stateText(p, c),
          p.loaded ? 'yes' : 'no',
          p.source,
          p.reason,
        ]),
        { title: `${ns.namespace}  (${ns.pipeline})`, palette: c, maxWidth: options.maxWidth },
      ),
    )
    .join('\n');
}
