/**
 * A Node.js older than the packages' floor, to see what its users are told:
 * the machine's own (a fresh machine has Node.js 20 and npm; this repository
 * runs on the Node.js 24 it installs), or, on a machine without one, Node.js
 * 20 from the npm registry.
 */
import { spawnSync } from 'node:child_process';

const FALLBACK = 'node@20.20.2';

export interface OlderNode {
  readonly path: string;
  readonly version: string;
}

export function olderNode(): OlderNode {
  const which = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout ?? '';
  const candidates = [...which.split('\n'), '/usr/bin/node', '/usr/local/bin/node'].filter(
    (path) => path !== '' && !path.includes('node_modules'),
  );
  for (const path of candidates) {
    const version = versionOf(path);
    if (version !== undefined && isOlderThanFloor(version)) return { path, version };
  }
  const found = spawnSync(
    'npm',
    [
      'exec',
      '--yes',
      '--loglevel=error',
      `--package=${FALLBACK}`,
      '--',
      'sh',
      '-c',
      'command -v node',
    ],
    { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } },
  );
  const path = found.stdout.trim();
  const version = versionOf(path);
  if (version === undefined)
    throw new Error(`no Node.js older than 22.18 here, and ${FALLBACK} failed: ${found.stderr}`);
  return { path, version };
}

function versionOf(path: string): string | undefined {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

function isOlderThanFloor(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 22 || (major === 22 && minor < 18);
}
