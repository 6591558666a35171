/**
 * Enabling, side by side: the same installed pollsters (one package scan)
 * under each of the essay's policies, one at a time. Which end up enabled,
 * and why each of the others does not — the reason every policy records on
 * the plugins it turns off.
 *
 * The lists contain one misspelt name each on purpose, as configuration
 * files do: a listed name that matches nothing is reported with the closest
 * real one. Only the self-check needs the plugins' code; the others decide
 * from declarations alone.
 */
import { escapeText, type Palette, renderTable } from '@plugin-patterns/cli';
import {
  allInstalled,
  allowList,
  construct,
  type DiscoverySource,
  denyList,
  type EnablingPolicy,
  ExtensionSet,
  predicate,
  selfCheck,
} from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';
import { pollsterContract } from './host-contracts.ts';
import { POLLSTER } from './plugin-host.ts';
import { names } from './render-format.ts';
import type { EnablingRow } from './tour-result.ts';

const POLICIES: readonly { policy: EnablingPolicy; needsCode: boolean }[] = [
  { policy: allInstalled(), needsCode: false },
  { policy: allowList(['cpu', 'memory', 'uptmie']), needsCode: false },
  { policy: denyList(['disk', 'netwrok']), needsCode: false },
  { policy: selfCheck(), needsCode: true },
  {
    policy: predicate('first-party only', (entry) =>
      entry.source.kind === 'package' && entry.source.packageName.startsWith('@plugin-patterns/')
        ? true
        : 'not from an @plugin-patterns/ package',
    ),
    needsCode: false,
  },
];

export async function compareEnabling(source: DiscoverySource): Promise<EnablingRow[]> {
  const rows: EnablingRow[] = [];
  for (const { policy, needsCode } of POLICIES) {
    const set = ExtensionSet.discover<Pollster>({
      namespace: POLLSTER,
      sources: [source],
      policies: [policy],
      integration: construct<Pollster>(),
      contract: pollsterContract,
    });
    if (needsCode) await set.loadAll();
    rows.push({
      policy: policy.name,
      enabled: set.enabled().map((e) => e.name),
      disabled: set.extensions.flatMap((e) =>
        e.state.status === 'disabled' ? [{ name: e.name, reason: e.state.reason }] : [],
      ),
      unmatched: set.unmatched.map(
        (u) =>
          `"${u.name}" matches no plugin${u.closest === undefined ? '' : ` (did you mean "${u.closest}"?)`}`,
      ),
    });
  }
  return rows;
}

export function renderEnablingTable(
  rows: readonly EnablingRow[],
  options: { palette: Palette; maxWidth?: number | undefined },
): string {
  const c = options.palette;
  return renderTable(
    [{ header: 'POLICY' }, { header: 'ENABLED' }, { header: 'NOT ENABLED, AND WHY' }],
    rows.map((r) => [
      r.policy,
      names(r.enabled),
      [
        ...r.disabled.map((d) => `${c.yellow(d.name)}: ${escapeText(d.reason)}.`),
        ...r.unmatched.map((u) => `${c.red('config')}: ${u}.`),
      ].join(' ') || '—',
    ]),
    { title: `Enabling: which of the ${POLLSTER} plugins run`, ...options },
  );
}
