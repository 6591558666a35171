// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/integration: the integrations' options, and the
// hook registry a host hands to plugins that register themselves (`setup`).
export type { ConstructOptions } from './construct.ts';
export {
  createHookRegistry,
  type HookFn,
  type HookHost,
  type HookRegistry,
  type HookRegistryOptions,
  type HookSession,
  type Registration,
} from './hook-registry.ts';
export type { IntegrationContext } from './integration.ts';
export type { SetupOptions, SetupPlugin } from './setup.ts';
