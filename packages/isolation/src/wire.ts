/**
 * The messages between the host and an isolated plugin's worker or child
 * process. Everything that crosses is copied (structured clone): the host
 * never holds a reference into the plugin's heap, and the plugin never holds
 * one into the host's. A call is one message out and one back, matched by id.
 *
 * An error cannot cross as itself (its class stays behind), so it crosses as
 * its name, message and code, and the host rebuilds an Error from those
 * (`errorFromWire`) to put in the typed error's `cause`.
 */

/** What the host asks. `name` is the plugin's name: one worker may hold several. */
export type ToPlugin =
  | {
      readonly kind: 'import';
      readonly id: number;
      readonly name: string;
      readonly url: string;
      readonly exportName: string;
    }
  | {
      readonly kind: 'build';
      readonly id: number;
      readonly name: string;
      readonly construct: boolean;
      readonly args: readonly unknown[];
    }
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly name: string;
      readonly method: string;
      readonly args: readonly unknown[];
    };

/** What the plugin's side answers, and what it says on its own when it is about to go. */
export type FromPlugin =
  | { readonly kind: 'done'; readonly id: number; readonly value?: unknown }
  | { readonly kind: 'built'; readonly id: number; readonly shape: PluginShape }
  | { readonly kind: 'threw'; readonly id: number; readonly error: WireError }
  | {
      readonly kind: 'fault';
      readonly fault: 'uncaught exception' | 'unhandled rejection';
      readonly error: WireError;
    };

/** What the host learns of a built plugin: its method names, and its data members as copies. */
export interface PluginShape {
  readonly methods: readonly string[];
  readonly data: Readonly<Record<string, unknown>>;
}

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string | undefined;
}

/** The Error the host puts in a typed error's `cause`: same name, message and code as the plugin's. */
export function errorFromWire(wire: WireError): Error {
  const error = new Error(String(wire.message));
  error.name = String(wire.name);
  if (wire.code !== undefined) Object.assign(error, { code: String(wire.code) });
  return error;
}
