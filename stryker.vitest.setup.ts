import fc from 'fast-check';

// Under `pnpm mutate` every property test replays the same cases: a mutant is
// judged by the tests alone, never by which random cases a run happened to draw.
fc.configureGlobal({ seed: 1 });
