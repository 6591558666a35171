/**
 * What `plugin-patterns explain` prints: the story of one plugin, in the
 * order it happened. Where it was declared, then every step of its history
 * (which source found it, which policy kept or disabled it, whether it
 * imported, was integrated, met its contract), then the stages nobody checked
 * and why, then its state and last error.
 */
import { join } from 'node:path';
import type { Extension, ExtensionReport, Stage } from '@plugin-patterns/loader';
import { describeSource } from '@plugin-patterns/loader/extension';
import type { Palette } from './colour.ts';
import { escapeText } from './escape-text.ts';
import { shortReason, stateText } from './state-text.ts';
import { renderTable } from './table.ts';

/** The host pipeline the CLI ran the plugin through, by name. */
export interface PipelineNames {
  /** The project's `pluginHost` reference; undefined when it declares none. */
  readonly host: string | undefined;
  /** False when the project names a host profile that was not imported (no `--trust-host`). */
  readonly hostImported: boolean;
  readonly policies: readonly string[];
  readonly integration: string | undefined;
  readonly contract: string | undefined;
}

export interface ExplainedExtension {
  /** `package@version` or a file path. */
  readonly declaredIn: string;
  /** The package.json that declares it, for a package plugin. */
  readonly manifest: string | undefined;
  /** How it was found, e.g. `package-scan`. */
  readonly via: string;
  readonly report: ExtensionReport;
}

export interface ExplainView {
  readonly namespace: string;
  readonly name: string;
  readonly pipeline: PipelineNames;
  /** Usually one; several packages claiming one name are all shown. */
  readonly extensions: readonly ExplainedExtension[];
}

export function explained(extension: Extension<unknown>): ExplainedExtension {
  const source = extension.source;
  return {
    declaredIn: describeSource(source),
    manifest: source.kind === 'package' ? join(source.root, 'package.json') : undefined,
    via: source.via,
    report: extension.toJSON(),
  };
}

export function renderExplain(
  view: ExplainView,
  options: { palette: Palette; maxWidth?: number | undefined },
): string {
  const c = options.palette;
  const parts: string[] = [];
  if (view.extensions.length > 1) {
    parts.push(
      `${c.yellow(escapeText(`${view.extensions.length} packages claim ${view.namespace}:${view.name}`))}\n`,
    );
  }
  for (const e of view.extensions) {
    const r = e.report;
    const facts: [string, string][] = [
      ['declared in', `${e.declaredIn} (found by ${e.via})`],
      ...(e.manifest === undefined ? [] : [['manifest', e.manifest] as [string, string]]),
      ['reference', r.reference],
    ];
    const lines = [
      `${c.bold(escapeText(`${r.namespace}:${r.name}`))}  ${stateText(r, c)}`,
      ...aligned(facts),
    ];
    lines.push('');
    const rows = r.history.map((h) => [
      h.stage,
      escapeText(h.by),
      outcomeText(h.outcome, c),
      escapeText(h.detail),
    ]);
    const story = renderTable(
      [{ header: 'STAGE' }, { header: 'BY' }, { header: 'OUTCOME' }, { header: 'DETAIL' }],
      rows,
      { palette: c, maxWidth: options.maxWidth === undefined ? undefined : options.maxWidth - 2 },
    );
    lines.push(
      ...story
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
    const unchecked = uncheckedStages(r, view.pipeline);
    if (unchecked.length > 0) {
      lines.push(
        '',
        ...unchecked.map(([stage, why]) => `  ${c.dim(`${stage}:`)} ${escapeText(why)}`),
      );
    }
    // Each reason is told once: in the row of the stage that gave it, when there is one.
    const told = r.history.find((h) => h.outcome !== 'passed' && h.detail !== '');
    lines.push(
      '',
      ...aligned([
        ['state', stateLine(r, told)],
        ['last error', lastErrorLine(r, told)],
      ]),
    );
    parts.push(`${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

/**
 * Stages with no entry in the history, and why: either the host pipeline does
 * not have that step, or the plugin stopped before reaching it.
 */
function uncheckedStages(report: ExtensionReport, pipeline: PipelineNames): [Stage, string][] {
  const seen = new Set(report.history.map((h) => h.stage));
  const stopped = report.status !== 'enabled';
  const out: [Stage, string][] = [];
  const steps: [Stage, boolean][] = [
    ['import', true],
    ['integration', pipeline.integration !== undefined],
    ['enforcement', pipeline.contract !== undefined],
  ];
  for (const [stage, configured] of steps) {
    if (seen.has(stage)) continue;
    if (stopped) out.push([stage, 'not reached: the plugin stopped at an earlier stage']);
    else if (!configured) out.push([stage, notConfigured(stage, pipeline)]);
  }
  return out;
}

function notConfigured(stage: Stage, pipeline: PipelineNames): string {
  const what = stage === 'integration' ? 'constructs' : 'checks';
  const host = pipeline.host;
  if (host !== undefined && !pipeline.hostImported) {
    return `not checked: the host profile (${host}) was not imported: pass --trust-host to run it`;
  }
  return host === undefined
    ? `not checked: the project declares no "pluginHost" in its package.json, so the CLI does not know how the host ${what} these plugins`
    : `not checked: the host profile (${host}) configures no ${stage} for this namespace`;
}

type HistoryEntry = ExtensionReport['history'][number];

/** The state; its reason only when no row of the story above already gives it. */
function stateLine(r: ExtensionReport, told: HistoryEntry | undefined): string {
  const shown = told !== undefined && shortReason(r).endsWith(told.detail);
  if (r.status === 'failed') {
    const at = `failed at ${r.stage ?? 'an unknown stage'}`;
    return shown ? `${at} (why: the ${told.stage} row above)` : `${at}: ${shortReason(r)}`;
  }
  if (r.status === 'disabled') {
    return shown
      ? `disabled by ${told.by} (why: the ${told.stage} row above)`
      : (r.reason ?? 'disabled');
  }
  return r.loaded ? 'enabled, loaded' : 'enabled';
}

/** The last error, unless it is the failure a row above already tells. */
function lastErrorLine(r: ExtensionReport, told: HistoryEntry | undefined): string {
  if (r.lastError === undefined || r.lastError === null) return 'none';
  if (told !== undefined && told.detail !== '' && r.lastError.endsWith(told.detail)) {
    return `the ${told.stage} failure above`;
  }
  return r.lastError;
}

function outcomeText(outcome: string, c: Palette): string {
  if (outcome === 'passed') return c.green(outcome);
  if (outcome === 'disabled') return c.yellow(outcome);
  return c.red(outcome);
}

/** Label and value lines; every value here comes from the project, so each is escaped. */
function aligned(pairs: readonly (readonly [string, string])[]): string[] {
  return pairs.map(([label, value]) => `  ${label.padEnd(11)}  ${escapeText(value)}`);
}
