/**
 * Every handler of an event gets the same object, so a handler that changed
 * it would change it for the handlers after it, and for the dead-letter
 * record that should show the event as it was sent. The dispatcher freezes
 * the event, all the way down, once, before the first handler sees it.
 *
 * Frozen rather than copied: freezing costs one walk and no allocation, the
 * dead-letter list keeps the very object that was sent, and a handler that
 * tries to write gets a TypeError (modules are strict code), which the guard
 * records as that handler's failure, instead of writing to a copy nobody
 * reads and never learning. The price is that the host's own event is frozen
 * too: a host that wants to change an event after dispatching it passes a copy.
 *
 * What freezing cannot reach: the bytes of a typed array or an ArrayBuffer
 * (JavaScript cannot freeze them), and the entries of a Map or a Set.
 * Plain objects and arrays, the shape of a notification read from JSON, are
 * covered.
 */
export function freezeEvent<E>(event: E): E {
  freezeDeep(event, new Set());
  return event;
}

function freezeDeep(value: unknown, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    // A getter is left uncalled: reading it would run code for nothing.
    if (descriptor !== undefined && 'value' in descriptor) freezeDeep(descriptor.value, seen);
  }
  Object.freeze(value);
}
