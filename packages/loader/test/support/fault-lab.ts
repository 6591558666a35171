/**
 * The fault lab: a generated plugin package, `fault-lab`, that fails at every
 * stage in every way, beside two good plugins. The sample package's
 * `meter.faulty` plugins cover a few faults with hand-written modules; the lab
 * covers the whole grid — stage (import, construction, contract,
 * availability check, call) × fault (throws, rejects, wrong shape, never
 * settles) × what is thrown (every value of `hostile-values.ts`) — with real
 * modules, found by a real package scan, so every fault travels the path a
 * third party's plugin would.
 *
 * Every plugin is a pollster (`meters`, optional `checkAvailability`, `poll`)
 * exported as `Plugin`, built by the `construct()` integration, held to
 * `pollsterContract`. The lab declares its plugins in the namespace it is
 * given, so a test can put them beside the sample package's own (`meter.faulty`).
 *
 * Loading that never settles is left out: the loader has a time limit for
 * calls, not for the load stages, so a module whose top-level await never
 * settles (or a factory or availability check that never answers) would keep
 * `loadAll()` waiting for ever. docs/security.md says so, and what a host can
 * do about it.
 */
import type { Stage } from '../../src/index.ts';
import type { PackageSpec } from '../../test-fixtures/make-project.ts';
import { HOSTILE_VALUES } from './hostile-values.ts';

/** How the plugin went wrong, as the host should see it. */
export interface LabFault {
  readonly name: string;
  /** The stage its error names. An availability check that fails disables (stage `enabling`). */
  readonly stage: Stage;
  /** `failed` for a load-stage fault, `disabled` for a failed self-check, `enabled` for a bad call. */
  readonly status: 'failed' | 'disabled' | 'enabled';
  /** The error class the host gets (by `name`, so tests need not import every class). */
  readonly error: string;
  /** Text the error (or the disabling reason) must contain. */
  readonly shows: string;
}

export const LAB_PACKAGE = 'fault-lab';
export const LAB_METER = 'lab.good';

/** Plugin name -> module source; built once. */
const modules = new Map<string, string>();
const faults: LabFault[] = [];

function plugin(name: string, source: string, fault?: Omit<LabFault, 'name'>): void {
  modules.set(name, source);
  if (fault !== undefined) faults.push({ name, ...fault });
}

const header = "import { samples } from '../samples.js';\n";
const pollster = (body: string) =>
  `${header}export class Plugin {\n  meters = ['${LAB_METER}'];\n${body}\n}\n`;
const goodPoll = "  poll() { return samples('call', 1); }";

plugin('good-steady', pollster("  poll() { return samples('good-steady', 2); }"));
plugin('good-async', pollster("  async poll() { await null; return samples('good-async', 3); }"));

for (const v of HOSTILE_VALUES) {
  const shows = v.shows;
  const imported = { stage: 'import', status: 'failed', error: 'PluginImportError' } as const;
  plugin(`import-throws-${v.label}`, `throw ${v.source};\nexport class Plugin {}\n`, {
    ...imported,
    shows: v.importShows ?? shows,
  });
  plugin(
    `import-rejects-${v.label}`,
    `await Promise.reject(${v.source});\nexport class Plugin {}\n`,
    { ...imported, shows: v.importShows ?? shows },
  );
  plugin(
    `construct-throws-${v.label}`,
    pollster(`  constructor() { throw ${v.source}; }\n${goodPoll}`),
    { stage: 'integration', status: 'failed', error: 'PluginIntegrationError', shows },
  );
  plugin(
    `construct-rejects-${v.label}`,
    `export async function Plugin() {\n  await null;\n  throw ${v.source};\n}\n`,
    { stage: 'integration', status: 'failed', error: 'PluginIntegrationError', shows },
  );
  plugin(`contract-getter-throws-${v.label}`, pollster(`  get poll() { throw ${v.source}; }`), {
    stage: 'enforcement',
    status: 'failed',
    error: 'ContractViolationError',
    shows: `poll: reading it threw: ${shows}`,
  });
  plugin(
    `check-throws-${v.label}`,
    pollster(`  checkAvailability() { throw ${v.source}; }\n${goodPoll}`),
    {
      stage: 'enabling',
      status: 'disabled',
      error: 'PluginUnavailableError',
      shows: `checkAvailability() threw: ${shows}`,
    },
  );
  plugin(
    `check-rejects-${v.label}`,
    pollster(`  async checkAvailability() { await null; throw ${v.source}; }\n${goodPoll}`),
    {
      stage: 'enabling',
      status: 'disabled',
      error: 'PluginUnavailableError',
      shows: `checkAvailability() threw: ${shows}`,
    },
  );
  plugin(`call-throws-${v.label}`, pollster(`  poll() { throw ${v.source}; }`), {
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: `call to poll() failed: ${shows}`,
  });
  plugin(`call-rejects-${v.label}`, pollster(`  async poll() { await null; throw ${v.source}; }`), {
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: `call to poll() failed: ${shows}`,
  });
}

plugin('import-missing-export', `export class Other {}\n`, {
  stage: 'import',
  status: 'failed',
  error: 'PluginImportError',
  shows: 'the module has no export "Plugin" (it exports Other)',
});
plugin('construct-wrong-shape', 'export function Plugin() {\n  return undefined;\n}\n', {
  stage: 'integration',
  status: 'failed',
  error: 'PluginIntegrationError',
  shows: 'it returned undefined instead of the plugin',
});
plugin('contract-wrong-shape', `${header}export class Plugin {\n  meters = 'lab';\n}\n`, {
  stage: 'enforcement',
  status: 'failed',
  error: 'ContractViolationError',
  shows: 'meters: expected an array, got a string "lab"; poll: missing (expected a function)',
});
plugin('check-wrong-shape', pollster(`  checkAvailability() { return 'yes'; }\n${goodPoll}`), {
  stage: 'enabling',
  status: 'disabled',
  error: 'PluginUnavailableError',
  shows: 'checkAvailability() answered a string "yes" instead of { available: boolean }',
});
plugin(
  'check-unavailable',
  pollster(
    `  checkAvailability() { return { available: false, reason: 'lab: no sensor here' }; }\n${goodPoll}`,
  ),
  {
    stage: 'enabling',
    status: 'disabled',
    error: 'PluginUnavailableError',
    shows: 'lab: no sensor here',
  },
);
plugin('call-wrong-shape', pollster("  poll() { return { volume: 'high' }; }"), {
  stage: 'invocation',
  status: 'enabled',
  error: 'PluginResultError',
  shows: 'from poll(), got an object with keys volume',
});
// Answers that fight back: looking at them (is it a promise?) throws.
plugin(
  'call-returns-revoked-proxy',
  pollster('  poll() { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }'),
  {
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: "call to poll() failed: Cannot perform 'get' on a proxy that has been revoked",
  },
);
plugin(
  'call-returns-then-getter',
  pollster("  poll() { return { get then() { throw new Error('lab: then refuses'); } }; }"),
  {
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: 'call to poll() failed: lab: then refuses',
  },
);
// Declared just before a good plugin: a timeout must blame this one, not the next.
plugin('call-hangs', pollster('  poll() { return new Promise(() => {}); }'), {
  stage: 'invocation',
  status: 'enabled',
  error: 'PluginTimeoutError',
  shows: 'call to poll() did not settle within',
});
plugin(
  'good-after-hang',
  pollster("  async poll() { await null; return samples('good-after-hang', 1); }"),
);

export const LAB_FAULTS: readonly LabFault[] = faults;
/** Every plugin the lab declares, in declaration order. */
export const LAB_PLUGINS: readonly string[] = [...modules.keys()];
/** The lab's good plugins and how many samples each poll returns: what storage must hold. */
export const LAB_GOOD: Readonly<Record<string, number>> = {
  'good-steady': 2,
  'good-async': 3,
  'good-after-hang': 1,
};

/** The lab as a package for `makeProject`, declaring its plugins in `namespace`. */
export function faultLabPackage(namespace: string): PackageSpec {
  const files: Record<string, string> = { 'samples.js': SAMPLES_MODULE };
  const exports: Record<string, string> = { './package.json': './package.json' };
  const declared: Record<string, string> = {};
  for (const [name, source] of modules) {
    files[`plugins/${name}.js`] = source;
    exports[`./plugins/${name}`] = `./plugins/${name}.js`;
    declared[name] = `./plugins/${name}:Plugin`;
  }
  return {
    name: LAB_PACKAGE,
    version: '1.0.0',
    manifest: { type: 'module', exports, entryPoints: { [namespace]: declared } },
    files,
  };
}

/** Valid samples (the meter-contracts shape), written by the lab's good plugins. */
const SAMPLES_MODULE = `export function samples(plugin, count) {
  const timestamp = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    meter: '${LAB_METER}',
    type: 'gauge',
    unit: 'reading',
    volume: i,
    resourceId: plugin + '-' + i,
    projectId: null,
    timestamp,
    source: 'fault-lab:' + plugin,
  }));
}
`;
