/**
 * What `plugin-patterns list` prints: one row per extension, grouped by
 * namespace, then any declaration that could not be tied to a plugin.
 */
import type { ExtensionReport } from '@plugin-patterns/loader';
import type { DiscoveryProblem } from '@plugin-patterns/loader/discovery';
import type { Palette } from './colour.ts';
import { escapeText } from './escape-text.ts';
import { shortReason, stateText } from './state-text.ts';
import { renderTable } from './table.ts';

export interface ListView {
  readonly root: string;
  readonly scannedBy: string;
  readonly extensions: readonly ExtensionReport[];
  readonly problems: readonly DiscoveryProblem[];
  /** Per namespace, the host's policies that decide only once a plugin is loaded. */
  readonly deferred: readonly {
    readonly namespace: string;
    readonly policies: readonly string[];
  }[];
}

export interface ListRenderOptions {
  readonly palette: Palette;
  readonly maxWidth?: number | undefined;
}

export function renderList(view: ListView, options: ListRenderOptions): string {
  const c = options.palette;
  // Every cell but the state comes from the project: escaped before it is coloured.
  const rows = view.extensions.map((e) => [
    escapeText(e.namespace),
    c.bold(escapeText(e.name)),
    stateText(e, c),
    escapeText(e.source),
    escapeText(shortReason(e)),
  ]);
  let text = renderTable(
    [
      { header: 'NAMESPACE' },
      { header: 'NAME' },
      { header: 'STATE' },
      { header: 'SOURCE' },
      { header: 'REASON' },
    ],
    rows,
    {
      palette: c,
      maxWidth: options.maxWidth,
      empty: `no plugins found (${view.scannedBy} of ${escapeText(view.root)})`,
    },
  );
  // "enabled" here is a promise, not a result: say what was and was not tried.
  if (view.extensions.length > 0) {
    text += ENABLED_MEANS.split('\n')
      .map((line) => `${c.dim(line)}\n`)
      .join('');
  }
  for (const problem of view.problems) {
    text += `${c.red('problem')} ${escapeText(`${problem.origin}: ${problem.error.message}`)}\n`;
  }
  for (const { namespace, policies } of view.deferred) {
    text += c.dim(
      escapeText(
        `${namespace}: ${policies.join(', ')} decides only when a plugin is loaded; "plugin-patterns explain ${namespace} NAME" runs it`,
      ),
    );
    text += '\n';
  }
  return text;
}

/**
 * What `list` decided from, said once under the table: it reads declarations
 * and applies policies, and runs no plugin code, so "enabled" cannot mean the
 * plugin imports or meets its contract.
 */
export const ENABLED_MEANS: string =
  'enabled: declared, and not refused by a policy. Import and contract are not tried yet:\n' +
  '"plugin-patterns explain NAMESPACE NAME" tries them.';

/** The `--json` shape: stable keys, errors as messages. */
export function listJson(view: ListView): unknown {
  return {
    root: view.root,
    scannedBy: view.scannedBy,
    // The stages behind each state, so a script does not read "enabled" as "works".
    stages: { run: ['discovery', 'enabling'], notTried: ['import', 'integration', 'enforcement'] },
    extensions: view.extensions,
    deferred: view.deferred,
    problems: view.problems.map((p) => ({
      namespace: p.namespace,
      name: p.name,
      origin: p.origin,
      message: p.error.message,
    })),
  };
}
