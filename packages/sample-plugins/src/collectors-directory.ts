/**
 * Where the sample collectors live, for the directory-scan approach to
 * discovery (Diamond's collectors, Blogofile's plugins): a host lists a folder
 * and loads each file in it. The folder is located from this module's own
 * URL, so the path is right wherever the package is installed, from `src/`
 * in the workspace and from `dist/` once published.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of the `collectors/` folder: plain `.js` modules, one default-exported class each. */
export const collectorsDirectory: string = fileURLToPath(new URL('../collectors', import.meta.url));
