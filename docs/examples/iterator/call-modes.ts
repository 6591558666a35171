// The four call modes over one set of plugins: a few lint rules. Each rule
// looks at a line and returns a message, or undefined when it has nothing to
// say; each is also a fixer that returns the line mended.
import { IteratorManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Rule {
  check(line: string): string | undefined;
  fix(line: string): string;
}

const rules = new IteratorManager(
  ExtensionSet.fromObjects<Rule>('lint.rules', {
    'no-tabs': {
      check: (line) => (line.includes('\t') ? 'tab character' : undefined),
      fix: (line) => line.replaceAll('\t', '  '),
    },
    'no-trailing-space': {
      check: (line) => (/ +$/.test(line) ? 'trailing space' : undefined),
      fix: (line) => line.trimEnd(),
    },
    'max-length': {
      check: (line) => (line.length > 20 ? `${line.length} characters` : undefined),
      fix: (line) => line.slice(0, 20),
    },
  }),
);
const line = '\tconst answer = 42;   ';

// map: every rule, every answer.
const all = rules.map((rule) => rule.check(line));
for (const [i, message] of all.values.entries()) {
  console.log(`map      ${all.from[i]?.name}: ${message ?? 'ok'}`);
}

// first: stop at the first rule with something to say.
const first = rules.first((rule) => rule.check('fine    '));
if (first.found) console.log(`first    ${first.from.name}: ${first.value}`);

// pipeline: each fixer gets what the previous one returned (so the line is
// short enough once the first two have mended it).
const fixed = rules.pipeline(line, (rule, text) => rule.fix(text));
console.log(`pipeline ${JSON.stringify(line)} → ${JSON.stringify(fixed.value)}`);

// parallel: the rules at once (two at a time), each through a slow remote
// checker; the first called is the slowest, yet the answers come back in
// plan order, whatever order they finished in.
const remote = (rule: Rule, delayMs: number) =>
  new Promise<string | undefined>((resolve) =>
    setTimeout(() => resolve(rule.check(line)), delayMs),
  );
const delays = [30, 20, 10];
let calls = 0;
const fromAfar = await rules.parallel((rule) => remote(rule, delays[calls++] ?? 0), {
  concurrency: 2,
});
console.log(`parallel ${fromAfar.values.map((m) => m ?? 'ok').join(' | ')}`);
