// The dispatcher pattern in one file, no dependency: every plugin is loaded
// once and says what it handles; each event goes to its handlers only, and a
// failing handler is reported, not fatal. Run: node the-pattern.ts
type Payload = Record<string, unknown>;
interface Handler {
  handles: string[]; // the event types this plugin subscribes to
  process(payload: Payload): string;
}
const field = (payload: Payload, key: string) => {
  if (payload[key] === undefined) throw new Error(`payload.${key} is missing`);
  return payload[key];
};

// The plugins, as discovery and import would hand them over: loaded, all of them.
const plugins: Record<string, Handler> = {
  compute: { handles: ['compute.start'], process: (p) => `vm ${field(p, 'id')} started` },
  volume: { handles: ['volume.create'], process: (p) => `${field(p, 'size')} GB created` },
};

// Integration: one routing table, built once: event type -> handler names.
const routes = new Map<string, string[]>();
for (const [name, plugin] of Object.entries(plugins)) {
  for (const type of plugin.handles) routes.set(type, [...(routes.get(type) ?? []), name]);
}

function dispatch(type: string, payload: Payload): void {
  const names = routes.get(type) ?? []; // one lookup; the other plugins are not called
  if (names.length === 0) console.log(`${type}: no handler (dead letter)`);
  for (const name of names) {
    try {
      console.log(`${type} -> ${name}: ${plugins[name]?.process(payload)}`);
    } catch (error) {
      console.log(`${type} -> ${name} failed: ${(error as Error).message}`);
    }
  }
}

dispatch('compute.start', { id: 'vm-1' });
dispatch('volume.create', {});
dispatch('network.create', {});
