/**
 * The two ways an event can fail before any plugin sees it. Neither is a
 * plugin's fault, so they name the namespace and the stage but no plugin; they
 * are typed all the same, so a host reading its dead letters can branch on
 * `instanceof` or `code` exactly as it does for a handler's failure.
 */
import { PluginError } from '@plugin-patterns/loader';

/** The event is not an object, or has no usable event type. */
export class MalformedEventError extends PluginError {
  override readonly code: string = 'DISPATCH_MALFORMED_EVENT';
  constructor(namespace: string, reason: string) {
    super(`malformed event: ${reason}`, { namespace, stage: 'invocation' });
  }
}

/** No handler subscribes to the event's type. */
export class UnroutedEventError extends PluginError {
  override readonly code: string = 'DISPATCH_UNROUTED_EVENT';
  readonly eventType: string;
  constructor(namespace: string, eventType: string) {
    super(`no handler subscribes to event type "${eventType}"`, {
      namespace,
      stage: 'invocation',
    });
    this.eventType = eventType;
  }
}
