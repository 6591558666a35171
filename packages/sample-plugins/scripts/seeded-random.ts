/**
 * The fixture generator's randomness: a seeded generator, so that the same
 * seed gives the same fixture on every run and platform, and the few ways of
 * drawing from it that the simulation needs.
 */

export interface Drawing {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** One of the items, or undefined when there are none. */
  pickAny<T>(items: readonly T[]): T | undefined;
  /** Removes one of the items and returns it, or undefined when there are none. */
  take<T>(items: T[]): T | undefined;
  /** Shaped like a version-4 UUID, drawn from the seeded generator. */
  uuid(): string;
}

/** An index into `weights`, each chosen in proportion to its weight. */
export function weighted(weights: readonly number[], random: () => number): number {
  let left = random() * weights.reduce((a, b) => a + b, 0);
  for (const [index, weight] of weights.entries()) {
    left -= weight;
    if (left < 0) return index;
  }
  return weights.length - 1;
}

export function drawing(random: () => number): Drawing {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => int(0, 15).toString(16)).join('');
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const pickAny = <T>(items: readonly T[]) => (items.length === 0 ? undefined : pick(items));
  const take = <T>(items: T[]) =>
    items.length === 0 ? undefined : items.splice(int(0, items.length - 1), 1)[0];
  return { int, pick, pickAny, take, uuid };
}

/** A small seeded generator (mulberry32): the same seed, the same sequence, on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
