/**
 * The dead-letter list: where the dispatcher puts every event it could not
 * deliver whole — a handler threw, rejected or timed out; the event was
 * malformed; or nobody handles its type — together with the reason, so the
 * host can look at them later instead of losing them silently.
 *
 * It is bounded. A dispatcher runs as long as the host does, and a broken
 * handler can fail on every event; an unbounded list would turn one bad plugin
 * into an out-of-memory host. When full, the oldest letter is dropped and
 * counted in `dropped`, so the host can tell that it is seeing only the latest
 * `capacity` letters. A ring buffer keeps adding O(1) however full it is.
 */
import type { PluginError } from '@plugin-patterns/loader';

/** Why an event ended up here. */
export type DeadLetterReason =
  /** A handler threw, rejected, or did not settle in time. */
  | 'failed'
  /** Not an object, or without a usable event type. */
  | 'malformed'
  /** A well-formed event whose type no handler subscribes to. */
  | 'unrouted';

export interface DeadLetter<E = unknown> {
  /** Counts every letter ever added, from 1: gaps show where letters were dropped. */
  readonly sequence: number;
  readonly reason: DeadLetterReason;
  /** The event as it arrived; `unknown` when it was malformed. */
  readonly event: E | unknown;
  readonly eventType: string | undefined;
  /** The handler that failed, for `failed` letters. */
  readonly handler: string | undefined;
  /** Typed: a PluginCallError, PluginTimeoutError, MalformedEventError or UnroutedEventError. */
  readonly error: PluginError;
}

export type NewDeadLetter<E> = Omit<DeadLetter<E>, 'sequence'>;

export const DEFAULT_DEAD_LETTER_CAPACITY = 1000;

export class DeadLetters<E = unknown> {
  readonly capacity: number;
  readonly #ring: (DeadLetter<E> | undefined)[];
  #start = 0;
  #size = 0;
  #added = 0;
  #drained = 0;

  constructor(capacity: number = DEFAULT_DEAD_LETTER_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`dead-letter capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.#ring = new Array(capacity);
  }

  add(letter: NewDeadLetter<E>): DeadLetter<E> {
    this.#added += 1;
    const stored = { sequence: this.#added, ...letter };
    const end = (this.#start + this.#size) % this.capacity;
    this.#ring[end] = stored;
    if (this.#size < this.capacity) this.#size += 1;
    else this.#start = (this.#start + 1) % this.capacity; // overwrote the oldest
    return stored;
  }

  /** How many letters are held now. */
  get size(): number {
    return this.#size;
  }

  /** How many letters were pushed out by newer ones. */
  get dropped(): number {
    return this.#added - this.#size - this.#drained;
  }

  /** The letters held, oldest first. */
  list(): DeadLetter<E>[] {
    const letters: DeadLetter<E>[] = [];
    for (let i = 0; i < this.#size; i++) {
      letters.push(this.#ring[(this.#start + i) % this.capacity] as DeadLetter<E>);
    }
    return letters;
  }

  /** Returns the letters held, oldest first, and empties the list (to retry or archive them). */
  drain(): DeadLetter<E>[] {
    const letters = this.list();
    this.#drained += this.#size;
    this.#ring.fill(undefined);
    this.#start = 0;
    this.#size = 0;
    return letters;
  }
}
