/**
 * The plugin's side of the boundary: the program that runs in the worker
 * thread or the child process. It imports the plugin's module, builds the
 * plugin, and answers the host's calls, one message each (`wire.ts`).
 *
 * It imports nothing but Node's built-ins (the `./wire.ts` import is types
 * only, erased), for two reasons: under the permission model the child may
 * read this one file and the plugin's package and nothing else, and it must
 * run as it is from `src/` (type-stripped) in the workspace and from `dist/`
 * once published.
 *
 * An uncaught exception or an unhandled rejection, thrown by a plugin's timer
 * or forgotten promise outside any call, is told to the host, and then this
 * side exits: the plugin's state is unknown from there on, and the host's
 * restart policy decides what comes next.
 */
import { parentPort } from 'node:worker_threads';
import type { FromPlugin, PluginShape, ToPlugin, WireError } from './wire.ts';

/** Exit code after an uncaught exception or unhandled rejection was reported. */
const FAULT_EXIT_CODE = 70;

const exported = new Map<string, unknown>();
const built = new Map<string, Record<string, unknown>>();

const send = (message: FromPlugin, then?: () => void): void => {
  if (parentPort !== null) {
    parentPort.postMessage(message);
    then?.();
  } else {
    // A child's message is written asynchronously: leave only once it is out.
    process.send?.(message, undefined, {}, () => then?.());
  }
};

const listen = (handle: (message: ToPlugin) => void): void => {
  if (parentPort !== null) parentPort.on('message', handle);
  else process.on('message', handle);
};

// Each request is handled in a turn of the event loop of its own, as calls
// from a host's own event loop would be: whatever a plugin left for "right
// after" (a setImmediate, a timer already due) runs before the next request,
// so its failure is told against it, not against the next call.
listen((message) => {
  setImmediate(handle, message);
});

function handle(message: ToPlugin): void {
  answer(message).then(reply, (thrown: unknown) => {
    send({ kind: 'threw', id: message.id, error: toWire(thrown) });
  });
}

process.on('uncaughtException', (error) => leave('uncaught exception', error));
process.on('unhandledRejection', (reason) => leave('unhandled rejection', reason));
// A child whose host has gone has no one to answer: it goes too.
process.on('disconnect', () => process.exit(0));

/** Runs one request and makes its answer. */
async function answer(message: ToPlugin): Promise<FromPlugin> {
  switch (message.kind) {
    case 'import': {
      const module = (await import(message.url)) as Record<string, unknown>;
      const value = module[message.exportName];
      if (value === undefined) {
        const names = Object.keys(module);
        const has = names.length === 0 ? 'it has no exports' : `it exports ${names.join(', ')}`;
        throw new Error(`the module has no export "${message.exportName}" (${has})`);
      }
      exported.set(message.name, value);
      return { kind: 'done', id: message.id };
    }
    case 'build': {
      const value = exported.get(message.name);
      const plugin = message.construct ? await construct(value, message.args) : value;
      if ((typeof plugin !== 'object' && typeof plugin !== 'function') || plugin === null) {
        throw new TypeError(`the plugin is ${String(plugin)}, not an object with methods`);
      }
      built.set(message.name, plugin as Record<string, unknown>);
      return { kind: 'built', id: message.id, shape: shapeOf(plugin) };
    }
    case 'call': {
      const plugin = built.get(message.name);
      const method = plugin?.[message.method];
      if (typeof method !== 'function') {
        throw new TypeError(`the plugin has no method ${message.method}()`);
      }
      const value: unknown = await Reflect.apply(method, plugin, message.args);
      return { kind: 'done', id: message.id, value };
    }
  }
}

/** Sends an answer; one that cannot be copied (a function, a socket) is the plugin's failure. */
function reply(message: FromPlugin): void {
  try {
    send(message);
  } catch (thrown) {
    const why = `its answer cannot be copied to the host: ${toWire(thrown).message}`;
    send({
      kind: 'threw',
      id: (message as { id: number }).id,
      error: { name: 'DataCloneError', message: why },
    });
  }
}

/**
 * `new` for a class, a call for a factory. The loader's `construct()` holds
 * the full rule (it also knows classes compiled to functions); this side keeps
 * the common case and imports nothing.
 */
async function construct(value: unknown, args: readonly unknown[]): Promise<unknown> {
  if (typeof value !== 'function') {
    throw new TypeError(`expected a class or a factory function, got ${typeof value}`);
  }
  const isClass = /^class[\s{]/.test(Function.prototype.toString.call(value));
  const made: unknown = isClass
    ? Reflect.construct(value, args)
    : Reflect.apply(value, undefined, args);
  const plugin = await made;
  if (plugin === undefined || plugin === null) {
    throw new TypeError(`it returned ${String(plugin)} instead of the plugin`);
  }
  return plugin;
}

/** Method names up the prototype chain, and own data members that can be copied to the host. */
function shapeOf(plugin: object): PluginShape {
  const methods: string[] = [];
  const data: Record<string, unknown> = {};
  for (let layer: object | null = plugin; layer !== null; layer = Object.getPrototypeOf(layer)) {
    if (layer === Object.prototype || layer === Function.prototype) break;
    for (const key of Object.getOwnPropertyNames(layer)) {
      const member = Object.getOwnPropertyDescriptor(layer, key);
      if (key === 'constructor' || member === undefined || methods.includes(key)) continue;
      if (typeof member.value === 'function') methods.push(key);
      else if (
        layer === plugin &&
        member.enumerable &&
        'value' in member &&
        copyable(member.value)
      ) {
        data[key] = member.value;
      }
    }
  }
  return { methods, data };
}

function copyable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Name, message and code of anything thrown; never throws itself (a getter, a revoked proxy). */
function toWire(thrown: unknown): WireError {
  try {
    if (thrown instanceof Error) {
      const code: unknown = (thrown as { code?: unknown }).code;
      return {
        name: String(thrown.name),
        message: String(thrown.message),
        code: typeof code === 'string' ? code : undefined,
      };
    }
    const text = typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown));
    return {
      name: 'Error',
      message: typeof thrown === 'string' ? text : `non-Error value ${text}`,
    };
  } catch {
    return { name: 'Error', message: `a thrown ${typeof thrown} that cannot be read` };
  }
}

function leave(fault: 'uncaught exception' | 'unhandled rejection', thrown: unknown): void {
  send({ kind: 'fault', fault, error: toWire(thrown) }, () => process.exit(FAULT_EXIT_CODE));
}
