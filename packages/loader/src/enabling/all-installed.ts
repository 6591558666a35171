/**
 * Enabling by installation: every plugin that discovery found is used, in the
 * order it was found. "Installing is activating" — the setuptools entry-point
 * model, where adding a package to the environment is the whole configuration.
 *
 * Choose it when the people who install packages are the people who run the
 * host (a developer's tool, a CLI with optional extras). Avoid it when a
 * shared environment may hold packages the host should not run: then an allow
 * or deny list says what is meant, not what happens to be installed.
 */
import type { EnablingPolicy, PolicyVerdict } from './policy.ts';

export function allInstalled(): EnablingPolicy {
  return {
    name: 'all-installed',
    select(candidates): PolicyVerdict {
      // A name claimed twice is listed once; the extension set keeps both
      // claimants, and the driver decides what a conflict means for it.
      const enabled = [...new Set(candidates.map((c) => c.name))];
      return { enabled, disabled: [] };
    },
  };
}
