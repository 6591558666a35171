/**
 * One word (and colour) for an extension's state, shared by `list`,
 * `explain` and the tour so a state reads the same everywhere.
 */
import type { ExtensionReport } from '@plugin-patterns/loader';
import type { Palette } from './colour.ts';

/** `enabled`, `disabled`, or `failed (stage)`; coloured when the palette is. */
export function stateText(
  report: Pick<ExtensionReport, 'status' | 'stage'>,
  palette: Palette,
): string {
  switch (report.status) {
    case 'enabled':
      return palette.green('enabled');
    case 'disabled':
      return palette.yellow('disabled');
    case 'failed':
      return palette.red(`failed (${report.stage ?? 'unknown stage'})`);
  }
}

/**
 * The reason without the state it explains, for a table whose STATE column
 * already says disabled or failed: "deny-list: …", not "disabled by
 * deny-list: …"; a failure without the "[namespace:name] (stage)" prefix its
 * error carries. The report keeps it apart (`detail`), so nothing is parsed
 * out of the sentence.
 */
export function shortReason(report: Pick<ExtensionReport, 'detail'>): string {
  return report.detail ?? '';
}
