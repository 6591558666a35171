/**
 * A run's result type, read off the callback's return type `R`: the plain
 * result `X` for a sync callback, `Promise<X>` for an async one, and the union
 * when the callback may be either (then `await` it; awaiting a plain value is
 * harmless). `any` and `unknown` say nothing, so they get the union too.
 */
export type Outcome<R, X> = 0 extends 1 & R
  ? X | Promise<X>
  : unknown extends R
    ? X | Promise<X>
    : OutcomeOf<R, X>;

// Distributes over a union: `A | Promise<A>` gives `X | Promise<X>`.
type OutcomeOf<R, X> = R extends PromiseLike<unknown> ? Promise<X> : X;
