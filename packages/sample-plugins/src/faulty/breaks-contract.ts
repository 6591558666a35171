/**
 * Faulty on purpose: it looks like a pollster (it has `meters`, and it
 * extends the host's PollsterBase) but never implements `poll`. A host must
 * refuse it at the enforcement stage, naming the missing member, instead of
 * finding out at the first call. Extending the base is what makes the
 * abstract-class check refuse it for that reason ("poll is missing") rather
 * than for not being a PollsterBase at all.
 *
 * TypeScript would refuse such a class at compile time ("does not implement
 * inherited abstract member 'poll'"). A plugin written in JavaScript has no
 * compiler to stop it, so this one sees the base through a type without
 * `poll`: to the type checker, as at run time, it has no `poll`.
 */
import { PollsterBase } from '@plugin-patterns/meter-contracts';

/** PollsterBase, as an author who never heard of `poll` would extend it. */
const BaseWithoutPoll = PollsterBase as abstract new () => Omit<PollsterBase, 'poll'>;

export class BreaksContractPollster extends BaseWithoutPoll {
  readonly meters: readonly string[] = ['faulty.contract'];
}
