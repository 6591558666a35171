/**
 * The dispatcher pattern against a host's configuration mistakes: a plugin
 * name that does not exist (a typo in a config file), and a namespace that
 * has no plugins at all (a typo in the namespace, or nothing installed yet).
 * A wrong name is an error that lists what exists and the closest name,
 * raised before any plugin is called; an empty namespace is not an error for
 * the dispatcher, but every event it gets is reported as unrouted.
 *
 * The plugins are the sample notification handlers, found by a scan of this
 * package's installed (dev) dependencies.
 */
import { fileURLToPath } from 'node:url';
import {
  construct,
  ExtensionSet,
  NoMatchingPluginError,
  packageScan,
} from '@plugin-patterns/loader';
import {
  NOTIFICATION_NAMESPACE,
  type Notification,
  type NotificationHandler,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { Dispatcher, EventDispatcher, UnroutedEventError } from '../../src/index.ts';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const source = packageScan({ cwd: packageRoot, include: ['devDependencies'], cache: false });

function handlers(namespace: string): ExtensionSet<NotificationHandler> {
  return ExtensionSet.discover<NotificationHandler>({
    namespace,
    sources: [source],
    integration: construct(),
  });
}

describe('an unknown plugin name', () => {
  it('is a NoMatchingPluginError listing the handlers, and no handler is called', async () => {
    const dispatcher = await Dispatcher.load(handlers(NOTIFICATION_NAMESPACE));
    const called: string[] = [];
    const record = (handler: NotificationHandler) => called.push(handler.eventTypes.join());
    let error: unknown;
    try {
      dispatcher.byName(['compute', 'imagee'], record);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(NoMatchingPluginError);
    expect(error).toMatchObject({
      namespace: NOTIFICATION_NAMESPACE,
      plugin: 'imagee',
      stage: 'enabling',
      closest: 'image',
      available: ['compute', 'volume', 'image'],
    });
    expect((error as Error).message).toContain(
      'no plugin named "imagee". Available: compute, volume, image. Did you mean "image"?',
    );
    // Every name is checked before the first call: no dispatch is left half done.
    expect(called).toEqual([]);
  });
});

describe('a namespace with no plugins', () => {
  const EMPTY = 'meter.notificaton'; // a typo: nothing declares it

  it('loads an empty dispatcher; a name is an error that says none exist', async () => {
    const dispatcher = await Dispatcher.load(handlers(EMPTY));
    expect(dispatcher.names()).toEqual([]);
    expect(() => dispatcher.call('compute', (h) => h.eventTypes)).toThrow(
      `[${EMPTY}:compute] (enabling) no plugin named "compute". Available: none.`,
    );
    expect(
      dispatcher.byPredicate(
        () => true,
        (h) => h.eventTypes,
      ),
    ).toEqual({
      deliveries: [],
      failed: 0,
    });
  });

  it('an event dispatcher reports every event as unrouted, with a dead letter', async () => {
    const dispatcher = await EventDispatcher.load(handlers(EMPTY), {
      subscriptions: (h) => h.eventTypes,
      eventType: (n: Notification) => n.event_type,
      call: (h, n) => h.process(n),
    });
    const event = { event_type: 'compute.instance.create.end' } as Notification;
    const outcome = await dispatcher.dispatch(event);
    expect(outcome.status).toBe('unrouted');
    const [letter] = dispatcher.deadLetters.list();
    expect(letter?.reason).toBe('unrouted');
    expect(letter?.error).toBeInstanceOf(UnroutedEventError);
    expect(letter?.error.namespace).toBe(EMPTY);
    expect(letter?.error.message).toContain('compute.instance.create.end');
  });
});
