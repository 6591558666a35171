/**
 * Invocation, side by side: the three patterns on the same plugins — the
 * good pollsters and the four that fail only when called (throw, throw a
 * string, hang, answer nonsense), in one set. How many calls each pattern
 * makes, what comes back, and the failures it contained: in every row the
 * host carries on, because every call goes through the call guard.
 */
import { Dispatcher } from '@plugin-patterns/dispatch';
import { DriverManager } from '@plugin-patterns/driver';
import { IteratorManager } from '@plugin-patterns/iterator';
import { type DiscoverySource, ExtensionSet } from '@plugin-patterns/loader';
import { callPlugin } from '@plugin-patterns/loader/invocation';
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';
import { callFailure } from './call-failure.ts';
import { FAULTY, faultyPipeline, POLLSTER, pollsterPipeline } from './plugin-host.ts';
import { names } from './render-format.ts';
import { pollChecked } from './sample-results.ts';
import type { CallFailure, InvocationRow } from './tour-result.ts';

export async function compareInvocation(
  source: DiscoverySource,
  options: { timeoutMs: number },
): Promise<InvocationRow[]> {
  const call = { method: 'poll', timeoutMs: options.timeoutMs };
  const good = ExtensionSet.discover<Pollster>({
    namespace: POLLSTER,
    sources: [source],
    ...pollsterPipeline,
  });
  const faulty = ExtensionSet.discover<Pollster>({
    namespace: FAULTY,
    sources: [source],
    ...faultyPipeline,
  });
  await Promise.all([good.loadAll(), faulty.loadAll()]);
  // One set holding both, faulty first: the order a run meets them in.
  const mixed = ExtensionSet.fromObjects<Pollster>(
    POLLSTER,
    [...faulty.ready(), ...good.ready()].map((e): [string, Pollster] => [e.name, e.object]),
  );
  const rows: InvocationRow[] = [];
  // Every row runs guarded too: should a pattern let a failure through, the
  // row says so (contained: false) instead of the tour stopping.
  const attempt = async (pattern: string, input: string, run: () => Promise<Outcome>) => {
    try {
      const outcome = await run();
      rows.push(row(pattern, input, outcome));
    } catch (error) {
      rows.push({
        ...row(pattern, input, { calls: 0, answers: [], failures: [] }),
        contained: false,
        failures: [callFailure(error, '?')],
      });
    }
  };

  await attempt('driver', 'one plugin chosen by name, cpu, called directly', async () => {
    const cpu = await DriverManager.load<Pollster>({
      name: 'cpu',
      namespace: POLLSTER,
      sources: [source],
      ...pollsterPipeline,
    });
    return { calls: 1, answers: [await cpu.driver.poll()], failures: [] };
  });
  await attempt(
    'driver',
    'one plugin chosen by name, throws, called through the guard',
    async () => {
      const throws = await DriverManager.load<Pollster>({
        name: 'throws',
        namespace: FAULTY,
        sources: [source],
        ...faultyPipeline,
      });
      try {
        return {
          calls: 1,
          answers: [await callPlugin(throws.extension, (p) => p.poll(), call)],
          failures: [],
        };
      } catch (error) {
        return { calls: 1, answers: [], failures: [callFailure(error, 'throws')] };
      }
    },
  );

  const picked = ['cpu', 'never-settles', 'throws-non-error'];
  await attempt('dispatcher', `by name: ${picked.join(', ')}`, async () => {
    const result = await new Dispatcher(mixed, call).byName(picked, (p) => p.poll());
    return fromDeliveries(result.deliveries);
  });
  await attempt('dispatcher', 'by predicate: plugins from a third-party package', async () => {
    const result = await new Dispatcher(good, call).byPredicate(
      (e) => e.source.kind === 'package' && !e.source.packageName.startsWith('@plugin-patterns/'),
      (p) => p.poll(),
    );
    return fromDeliveries(result.deliveries);
  });

  const iterator = new IteratorManager(mixed, call);
  await attempt('iterator', `map: every plugin in turn (${names(iterator.names())})`, async () => {
    const result = await iterator.map(pollChecked);
    return {
      calls: result.values.length + result.failures.length,
      answers: result.values,
      failures: failuresOf(result.failures),
    };
  });
  await attempt('iterator', 'first: in turn, until one answers', async () => {
    const result = await iterator.first(pollChecked);
    return {
      calls: result.failures.length + (result.found ? 1 : 0),
      answers: result.found ? [result.value] : [],
      failures: failuresOf(result.failures),
      note: result.found ? `answered by ${result.from.name}` : 'nobody answered',
    };
  });
  await attempt('iterator', 'parallel: every plugin at once', async () => {
    const result = await iterator.parallel(pollChecked);
    return {
      calls: result.values.length + result.failures.length,
      answers: result.values,
      failures: failuresOf(result.failures),
    };
  });
  return rows;
}

interface Outcome {
  readonly calls: number;
  readonly answers: readonly Sample[][];
  readonly failures: readonly CallFailure[];
  readonly note?: string;
}

function fromDeliveries(
  deliveries: readonly (
    | { ok: true; value: Sample[] }
    | { ok: false; error: unknown; plugin: string }
  )[],
): Outcome {
  return {
    calls: deliveries.length,
    answers: deliveries.flatMap((d) => (d.ok ? [d.value] : [])),
    failures: deliveries.flatMap((d) => (d.ok ? [] : [callFailure(d.error, d.plugin)])),
  };
}

function row(pattern: string, input: string, outcome: Outcome): InvocationRow {
  const samples = outcome.answers.reduce((n, a) => n + a.length, 0);
  const note = outcome.note === undefined ? '' : `, ${outcome.note}`;
  return {
    pattern,
    input,
    calls: outcome.calls,
    results: `${plural(samples, 'sample')} from ${plural(outcome.answers.length, 'plugin')}${note}`,
    failures: outcome.failures,
    contained: true,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function failuresOf(errors: readonly unknown[]): CallFailure[] {
  return errors.map((error) => callFailure(error, '?'));
}
