/**
 * A temporary folder tree for a test, removed when the test ends: `files`
 * maps relative paths to contents (an object is written as JSON), `links`
 * maps relative paths to what the symlink there points at. The root is a
 * real path, so answers that resolve links compare equal to paths built on it.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

export function tempTree(
  files: Record<string, string | object>,
  links: Record<string, string> = {},
  prefix = 'plugin-patterns-tree-',
): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}
