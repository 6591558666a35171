/**
 * The routing table: built once, when the dispatcher is built, from what every
 * handler declared; asked for each event "who handles this type?".
 *
 * Testing every handler's patterns against every event would cost
 * handlers × patterns per event. Instead the patterns are indexed:
 *
 * - exact patterns go into a map from event type to handlers — one lookup;
 * - wildcard patterns go into a trie keyed by segment: `compute.instance.*`
 *   hangs its handler on the node reached by `compute` → `instance`. Routing
 *   `compute.instance.create.end` walks the event's own segments down the
 *   trie and picks up the handlers hanging on each node it passes while at
 *   least one segment is still left for the star (see `event-pattern.ts`).
 *
 * So a lookup costs one map lookup plus one step per segment of the event
 * type, however many handlers there are. The answer for an event type is then
 * cached, so a stream of the same few types costs one map lookup each. The
 * cache is bounded: a bus that sends endless distinct types (a bug, or an
 * attack) must not grow the host's memory without end.
 *
 * Handlers come back in subscription order, each at most once, even when
 * several of its patterns match.
 */
import { parseEventPattern } from './event-pattern.ts';

/** One handler and the patterns it declared. */
export interface Subscription<H> {
  readonly handler: H;
  readonly patterns: readonly string[];
}

export interface RoutingTableOptions {
  /** How many event types' routes to remember. Default 1024; 0 turns the cache off. */
  readonly cacheSize?: number;
}

/** A node of the wildcard trie: the handlers of `<path to here>.*`, and the next segments. */
interface TrieNode {
  readonly wildcard: number[];
  readonly children: Map<string, TrieNode>;
}

const DEFAULT_CACHE_SIZE = 1024;

export class RoutingTable<H> {
  readonly #handlers: readonly H[];
  readonly #exact = new Map<string, number[]>();
  readonly #root: TrieNode = newNode();
  readonly #cache = new Map<string, readonly H[]>();
  readonly #cacheSize: number;
  readonly #none: readonly H[] = Object.freeze([]);

  /** Throws a TypeError for an invalid pattern; callers that can blame a plugin check first. */
  constructor(subscriptions: readonly Subscription<H>[], options: RoutingTableOptions = {}) {
    this.#handlers = subscriptions.map((s) => s.handler);
    this.#cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    subscriptions.forEach((subscription, index) => {
      for (const text of subscription.patterns) this.#add(text, index);
    });
  }

  /** The handlers for one event type, in subscription order. The array is frozen and shared. */
  route(eventType: string): readonly H[] {
    const cached = this.#cache.get(eventType);
    if (cached !== undefined) return cached;
    const route = this.#lookup(eventType);
    if (this.#cacheSize > 0) {
      if (this.#cache.size >= this.#cacheSize) {
        // Forget the oldest entry: Map iterates in insertion order.
        this.#cache.delete(this.#cache.keys().next().value as string);
      }
      this.#cache.set(eventType, route);
    }
    return route;
  }

  /** How many event types have a remembered route. */
  get cachedRoutes(): number {
    return this.#cache.size;
  }

  #add(text: string, index: number): void {
    const parsed = parseEventPattern(text);
    if (!parsed.ok) throw new TypeError(parsed.problem);
    const pattern = parsed.pattern;
    if (pattern.kind === 'exact') {
      addOnce(
        getOrSet(this.#exact, pattern.eventType, () => []),
        index,
      );
      return;
    }
    let node = this.#root;
    for (const segment of pattern.prefix) node = getOrSet(node.children, segment, newNode);
    addOnce(node.wildcard, index);
  }

  #lookup(eventType: string): readonly H[] {
    const found: number[] = [...(this.#exact.get(eventType) ?? [])];
    const segments = eventType.split('.');
    let node: TrieNode | undefined = this.#root;
    // At depth d the node's wildcards need d < segments.length: one segment left for the star.
    for (let depth = 0; node !== undefined && depth < segments.length; depth++) {
      found.push(...node.wildcard);
      node = node.children.get(segments[depth] as string);
    }
    if (found.length === 0) return this.#none;
    const indexes = [...new Set(found)].sort((a, b) => a - b);
    return Object.freeze(indexes.map((i) => this.#handlers[i] as H));
  }
}

function newNode(): TrieNode {
  return { wildcard: [], children: new Map() };
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function addOnce(list: number[], index: number): void {
  if (!list.includes(index)) list.push(index);
}
