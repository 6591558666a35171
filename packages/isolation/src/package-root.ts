/**
 * The folder of the package a plugin's file belongs to: the nearest folder
 * above it that holds a package.json. A child process under the permission
 * model may read this folder (the plugin's own code and data) and nothing
 * else the host did not grant.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function packageRoot(file: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    // At the root of the file system: the file belongs to no package; grant its folder only.
    if (dirname(folder) === folder) return dirname(file);
  }
}
