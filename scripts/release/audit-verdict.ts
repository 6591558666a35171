import { spawnSync } from 'node:child_process';

/**
 * `pnpm audit` against the public registry. Its verdict is printed, not
 * enforced: an advisory published tomorrow must not fail yesterday's commit,
 * and a registry that does not answer audits (a mirror, no network) is said so.
 */
export function auditVerdict(cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('pnpm', ['audit', '--json'], {
    cwd,
    env,
    encoding: 'utf8',
  });
  let report: {
    error?: { message?: string | undefined };
    metadata?: { vulnerabilities?: Record<string, number>; dependencies?: number };
  } = {};
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = { error: { message: `${result.stderr}${result.stdout}`.trim().split('\n')[0] } };
  }
  if (report.metadata?.vulnerabilities === undefined) {
    const why = report.error?.message ?? `exit ${result.status}`;
    // The first sentence says it: the registry's answer to an audit request.
    return `not available from this registry (${why.split(/\. |: \./)[0]})`;
  }
  const found = Object.entries(report.metadata.vulnerabilities).filter(([, n]) => n > 0);
  const total = report.metadata.dependencies ?? 'all';
  return found.length === 0
    ? `no known vulnerabilities in ${total} dependencies`
    : `${found.map(([level, n]) => `${n} ${level}`).join(', ')} in ${total} dependencies (run pnpm audit)`;
}
