// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/enabling: the policies' options, and what a policy
// of your own returns. The policies themselves are in the front door.
export type { AllowListOptions } from './allow-list.ts';
export type { DenyListOptions } from './deny-list.ts';
export type { Availability, PolicyVerdict } from './policy.ts';
export type { EntryPredicate } from './predicate.ts';
export type { SelfCheckOptions } from './self-check.ts';
