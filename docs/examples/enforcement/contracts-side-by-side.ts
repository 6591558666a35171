// Three ways to hold a plugin to the pollster API, checked on the same four
// candidates. Each contract answers the same way (ok, or issues with a path),
// so the loader's pipeline treats them alike.
import { UptimePollster } from '@acme/meter-uptime';
import { abstractClass, type Contract, convention, standardSchema } from '@plugin-patterns/loader';
import { type Pollster, PollsterBase } from '@plugin-patterns/meter-contracts';
import { CpuPollster } from '@plugin-patterns/sample-plugins';
import { BreaksContractPollster } from '@plugin-patterns/sample-plugins/faulty/breaks-contract';
import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';

const candidates: Record<string, unknown> = {
  'CpuPollster (extends)': new CpuPollster(), // extends the host's PollsterBase
  'UptimePollster (acme)': new UptimePollster(), // implements Pollster, no base class
  'an object literal': { meters: ['queue.depth'], poll: () => [] },
  BreaksContractPollster: new BreaksContractPollster(), // extends the base, lacks poll()
};

// `use: 'input'`: validate the plugin, but keep the plugin's own object (a
// schema's output is a plain copy, which would lose the class's methods).
const contracts: Contract<unknown>[] = [
  convention<Pollster>({
    name: 'convention',
    members: { meters: 'array', poll: 'function', checkAvailability: 'function?' },
  }),
  // The host's abstract class lists its abstract members (`static abstractMembers`).
  abstractClass(PollsterBase, { name: 'abstract class' }),
  standardSchema(v.object({ meters: v.array(v.string()), poll: v.function() }), { use: 'input' }),
  standardSchema(z.object({ meters: z.array(z.string()), poll: z.function() }), { use: 'input' }),
  standardSchema(type({ meters: 'string[]', poll: 'Function' }), { use: 'input' }),
];

console.log(
  ['candidate'.padEnd(24), ...contracts.map((c) => c.name.padEnd(16))].join('').trimEnd(),
);
const refusals: string[] = [];
for (const [label, candidate] of Object.entries(candidates)) {
  const cells = [label.padEnd(24)];
  for (const contract of contracts) {
    const result = await contract.check(candidate);
    cells.push((result.ok ? 'ok' : 'refused').padEnd(16));
    if (!result.ok && label === 'BreaksContractPollster') {
      const [issue] = result.issues;
      refusals.push(`${contract.name.padEnd(16)}${issue?.path || '(value)'}: ${issue?.message}`);
    }
  }
  console.log(cells.join('').trimEnd());
}

console.log('\nWhat each says about BreaksContractPollster, which has no poll():');
for (const line of refusals) console.log(line);
