/**
 * Faulty on purpose: it looks like a pollster (it has `meters`) but has no
 * `poll`. A host must refuse it at the enforcement stage, naming the missing
 * member, instead of finding out at the first call.
 */
export class BreaksContractPollster {
  readonly meters: readonly string[] = ['faulty.contract'];
}
