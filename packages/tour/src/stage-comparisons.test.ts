/**
 * The stage comparisons read the discovery source they are given, the host's
 * one package scan, instead of scanning the project again: the enabling,
 * enforcement and invocation tables see exactly what that source declares.
 */
import { type DiscoverySource, packageScan } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { FAULTY, POLLSTER } from './plugin-host.ts';
import { TOUR_ROOT } from './run-tour.ts';
import { compareStages } from './stage-comparisons.ts';

/** The tour's own scan, minus one pollster, and a note of every namespace asked for. */
function hostSource(hidden: string): { source: DiscoverySource; asked: Set<string | undefined> } {
  const scan = packageScan({ cwd: TOUR_ROOT, cache: false });
  const asked = new Set<string | undefined>();
  const source: DiscoverySource = {
    kind: scan.kind,
    discover(namespace) {
      asked.add(namespace);
      const report = scan.discover(namespace);
      if (namespace !== POLLSTER) return report;
      return { ...report, entryPoints: report.entryPoints.filter((e) => e.name !== hidden) };
    },
  };
  return { source, asked };
}

describe('compareStages', () => {
  it("reads the host's source for the enabling, enforcement and invocation tables", async () => {
    const { source, asked } = hostSource('memory');
    const stages = await compareStages({
      root: TOUR_ROOT,
      source,
      progress: () => {},
      timeoutMs: 50,
    });
    expect(asked).toContain(POLLSTER);
    expect(asked).toContain(FAULTY);
    // The pollster the source leaves out is in no table built from it...
    const allInstalled = stages.enabling.find((row) => row.policy === 'all-installed');
    expect(allInstalled?.enabled).toContain('cpu');
    expect(allInstalled?.enabled).not.toContain('memory');
    // ...while the discovery table, which times its own scans, still finds it.
    const cold = stages.discovery.find((row) => row.approach === 'package scan (cold)');
    expect(cold?.found).toContain('memory');
  }, 30_000);
});
