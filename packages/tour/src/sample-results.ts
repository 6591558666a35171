/**
 * The host checking what a pollster returns. A contract checked at load time
 * says a plugin *has* `poll`; only its answer shows whether it keeps the
 * promise. A wrong answer is refused here, blamed on the plugin by name, and
 * never reaches the storage (where it would fail a whole batch, everyone's
 * samples with it).
 */
import { describeValue } from '@plugin-patterns/loader/invocation';
import { type Pollster, type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';

/** For `checkResult`: true for a Sample[], otherwise what is wrong with it. */
export function sampleArrayCheck(value: unknown): true | string {
  if (!Array.isArray(value)) return 'not an array';
  for (const [index, sample] of value.entries()) {
    const problems = sampleProblems(sample);
    if (problems.length > 0) return `sample #${index}: ${problems.join('; ')}`;
  }
  return true;
}

/**
 * Polls and checks the answer, for the iterator's calls: a wrong answer is
 * thrown, which the iterator records as this plugin's failed call (a
 * PluginCallError naming it) and then moves on to the next plugin, so "first"
 * does not stop at an answer that is no answer.
 */
export function pollChecked(pollster: Pollster): Sample[] | Promise<Sample[]> {
  const answer = pollster.poll();
  return answer instanceof Promise ? answer.then(samplesOrThrow) : samplesOrThrow(answer);
}

function samplesOrThrow(value: unknown): Sample[] {
  const verdict = sampleArrayCheck(value);
  if (verdict === true) return value as Sample[];
  throw new TypeError(`poll() answered ${describeValue(value)}, not Sample[] (${verdict})`);
}
