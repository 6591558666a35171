/**
 * API enforcement, side by side: the faulty plugins and two good pollsters
 * (the first-party `cpu`, the third party's `uptime`) loaded under each way of
 * holding a plugin to its API — convention, abstract base class, Standard
 * Schema — then the loaded ones called once through the call guard. Each cell
 * says at which stage the plugin was stopped, or that it got through.
 *
 * What it shows: a load-time check only sees shape (`breaks-contract` has no
 * `poll`, and all three say so), so the plugins that fail only when called
 * (throw, hang, answer nonsense) get past all three and are caught by the
 * guard. The abstract class is nominal: the first-party pollsters extend the
 * PollsterBase that the host's contracts package publishes, and pass; uptime
 * implements the same interface without extending it, works, and is refused
 * all the same. That is the trade-off of a check by class. An import failure
 * is caught before any check can run.
 */
import { escapeText, type Palette, renderTable } from '@plugin-patterns/cli';
import {
  abstractClass,
  allowList,
  type Contract,
  construct,
  type DiscoverySource,
  type Extension,
  ExtensionSet,
} from '@plugin-patterns/loader';
import { callPlugin, checkResult } from '@plugin-patterns/loader/invocation';
import { type Pollster, PollsterBase } from '@plugin-patterns/meter-contracts';
import { callFailure } from './call-failure.ts';
import { pollsterContract } from './host-contracts.ts';
import { FAULTY, POLLSTER } from './plugin-host.ts';
import { pollsterSchemaContract } from './pollster-schema.ts';
import { deliberateMark } from './render-format.ts';
import { sampleArrayCheck } from './sample-results.ts';
import type { EnforcementRow, EnforcementVerdict } from './tour-result.ts';

const WAYS: readonly { way: string; contract: Contract<Pollster> }[] = [
  { way: 'convention', contract: pollsterContract },
  { way: 'abstract class', contract: abstractClass(PollsterBase) },
  { way: 'Standard Schema', contract: pollsterSchemaContract },
];

export async function compareEnforcement(
  source: DiscoverySource,
  options: { timeoutMs: number },
): Promise<EnforcementRow[]> {
  const rows: EnforcementRow[] = [];
  let convention: Extension<Pollster>[] = [];
  for (const { way, contract } of WAYS) {
    const loaded = await loadUnder(source, contract);
    if (way === 'convention') convention = loaded;
    rows.push({ way, verdicts: loaded.map(loadVerdict) });
  }
  const guarded: EnforcementVerdict[] = [];
  for (const extension of convention) guarded.push(await guardVerdict(extension, options));
  rows.push({ way: 'call guard', verdicts: guarded });
  return rows;
}

/** The good pollsters, one first-party and one third-party, beside the faulty ones. */
const GOOD: readonly string[] = ['cpu', 'uptime'];

/** The faulty plugins, and the good pollsters, loaded with one contract. */
async function loadUnder(
  source: DiscoverySource,
  contract: Contract<Pollster>,
): Promise<Extension<Pollster>[]> {
  const common = { sources: [source], integration: construct<Pollster>(), contract };
  const faulty = ExtensionSet.discover<Pollster>({ namespace: FAULTY, ...common });
  const good = ExtensionSet.discover<Pollster>({
    namespace: POLLSTER,
    policies: [allowList(GOOD)],
    ...common,
  });
  await Promise.all([faulty.loadAll(), good.loadAll()]);
  return [...faulty.extensions, ...GOOD.flatMap((name) => good.named(name))];
}

function loadVerdict(extension: Extension<Pollster>): EnforcementVerdict {
  const state = extension.state;
  const plugin = extension.name;
  return state.status === 'failed'
    ? {
        plugin,
        outcome: 'caught',
        caughtAt: state.stage,
        detail: state.error.detail,
      }
    : { plugin, outcome: 'passed', caughtAt: undefined, detail: 'passes' };
}

/** One guarded call to poll(), its answer checked: what a host does on every call. */
async function guardVerdict(
  extension: Extension<Pollster>,
  options: { timeoutMs: number },
): Promise<EnforcementVerdict> {
  const plugin = extension.name;
  if (!extension.isReady) {
    return { plugin, outcome: 'not reached', caughtAt: undefined, detail: 'never loaded' };
  }
  try {
    const answer = await callPlugin(extension, (pollster) => pollster.poll(), {
      method: 'poll',
      timeoutMs: options.timeoutMs,
    });
    checkResult(extension, answer, sampleArrayCheck, 'Sample[]', { method: 'poll' });
    return { plugin, outcome: 'passed', caughtAt: undefined, detail: 'answers Sample[]' };
  } catch (error) {
    const { error: name, message } = callFailure(error, plugin);
    return { plugin, outcome: 'caught', caughtAt: 'invocation', detail: `${name}: ${message}` };
  }
}

export function renderEnforcementTable(
  rows: readonly EnforcementRow[],
  options: { palette: Palette; maxWidth?: number | undefined; deliberate?: ReadonlySet<string> },
): string {
  const c = options.palette;
  const plugins = rows[0]?.verdicts.map((v) => v.plugin) ?? [];
  const cell = (v: EnforcementVerdict | undefined) => {
    if (v === undefined || v.outcome === 'not reached') return c.dim('—');
    return v.outcome === 'passed' ? c.dim('passes') : c.red(v.caughtAt ?? '');
  };
  const table = renderTable(
    [{ header: 'PLUGIN' }, ...rows.map((r) => ({ header: r.way.toUpperCase() }))],
    plugins.map((plugin) => [
      c.bold(plugin),
      ...rows.map((r) => cell(r.verdicts.find((v) => v.plugin === plugin))),
    ]),
    {
      title: 'Enforcement: where each faulty plugin is stopped (cpu and uptime are good ones)',
      ...options,
    },
  );
  // One line per distinct reason: an import failure reads the same under every contract.
  const details = plugins.flatMap((plugin) => {
    const ways = new Map<string, string[]>();
    for (const r of rows) {
      const v = r.verdicts.find((x) => x.plugin === plugin);
      if (v?.outcome === 'caught') ways.set(v.detail, [...(ways.get(v.detail) ?? []), r.way]);
    }
    const mark = deliberateMark(options.deliberate?.has(plugin), c);
    return [...ways].map(
      ([detail, by]) => `  ${c.bold(plugin)}${mark} (${by.join(', ')}): ${escapeText(detail)}`,
    );
  });
  return `${table}${details.join('\n')}\n`;
}
