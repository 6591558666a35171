// First, so that an unsupported Node.js is named before anything else runs.
import '../shared/check-node.ts';

// @plugin-patterns/loader/enforcement: the contracts' options, and the parts
// of a contract of your own.

export type { ContractIssue } from '../errors/kinds.ts';
export type { AbstractClassOptions, AbstractConstructor } from './abstract-class.ts';
export { CLASS_BRAND } from './class-brand.ts';
export type { ContractResult, ContractType, SyncContract } from './contract.ts';
export type { ConventionOptions, MemberKind, MemberRule, MemberRules } from './convention.ts';
export type { StandardSchemaOptions } from './standard-schema.ts';
